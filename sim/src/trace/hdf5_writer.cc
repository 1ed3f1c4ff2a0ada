// Hdf5TraceWriter: the HDF5 1.10 C API behind the trace file (layout and guarantees in the header).
//
// How rows reach the disk: append_row copies the tick and the values into one column-major
// buffer (channel c's pending rows are contiguous), and when the buffer holds enough rows to end
// a chunk, each dataset is extended and written with a single H5Dwrite. The buffer's capacity is
// "rows left until the next chunk boundary", so every write ends exactly on a chunk boundary,
// even after a flush() wrote part of a chunk: only a chunk cut by flush() is ever written twice.
//
// Why the chunk cache is off (nbytes = 0): without filters and with fill time "never", a chunk
// that does not fit in the cache is written straight from our buffer (no copy, no fill); with
// filters HDF5 compresses it and writes it on the spot. Either way nothing lingers in 100+
// per-dataset caches, and our own buffer already does what a cache would.
//
// Errors: every HDF5 call goes through check(), which on failure reads HDF5's error stack (the
// OS reason such as "No space left on device" sits in its innermost entry), clears it and throws.
// HDF5's automatic stack printing is switched off only while the writer is calling HDF5, and the
// previous setting is restored, so other HDF5 users in the process keep theirs.
#include "trace/hdf5_writer.h"

#include <hdf5.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace zeropark {
namespace {

constexpr const char* kTickPath = "time/tick_s";
constexpr const char* kCompleteAttribute = "complete";

// Owns one HDF5 identifier and closes it with the function that matches its kind.
class Hid {
 public:
  using Closer = herr_t (*)(hid_t);

  Hid() = default;
  Hid(hid_t id, Closer closer) : id_(id), closer_(closer) {}
  ~Hid() { (void)close(); }
  Hid(const Hid&) = delete;
  Hid& operator=(const Hid&) = delete;
  Hid(Hid&& other) noexcept
      : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}
  Hid& operator=(Hid&& other) noexcept {
    if (this != &other) {
      (void)close();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
      closer_ = other.closer_;
    }
    return *this;
  }

  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }

  // Closes now and returns HDF5's status (the file's close flushes, so it can fail).
  herr_t close() {
    herr_t status = 0;
    if (id_ >= 0 && closer_ != nullptr) status = closer_(id_);
    id_ = H5I_INVALID_HID;
    return status;
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

// Silences HDF5's automatic error-stack printing for the guard's lifetime and then restores the
// process's previous handler.
class QuietHdf5Errors {
 public:
  QuietHdf5Errors() {
    saved_ = H5Eget_auto2(H5E_DEFAULT, &func_, &data_) >= 0;
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~QuietHdf5Errors() {
    if (saved_) H5Eset_auto2(H5E_DEFAULT, func_, data_);
  }
  QuietHdf5Errors(const QuietHdf5Errors&) = delete;
  QuietHdf5Errors& operator=(const QuietHdf5Errors&) = delete;

 private:
  H5E_auto2_t func_ = nullptr;
  void* data_ = nullptr;
  bool saved_ = false;
};

// The most useful sentence on HDF5's current error stack: the operating system's message when a
// low-level driver reported one ("... errno = 28, error message = 'No space left on device' ..."),
// else the innermost description. Clears the stack.
std::string take_hdf5_reason() {
  struct Found {
    std::string innermost;
    std::string os_message;
  } found;
  H5Ewalk2(
      H5E_DEFAULT, H5E_WALK_DOWNWARD,
      [](unsigned, const H5E_error2_t* entry, void* data) -> herr_t {
        auto* out = static_cast<Found*>(data);
        if (entry == nullptr || entry->desc == nullptr) return 0;
        try {  // nothing may unwind through HDF5's C frames
          const std::string desc = entry->desc;
          out->innermost = desc;  // walking downward: the last entry is the innermost
          const std::string key = "error message = '";
          if (const auto at = desc.find(key); at != std::string::npos) {
            const auto begin = at + key.size();
            const auto end = desc.find('\'', begin);
            std::string message = desc.substr(begin, end == std::string::npos ? end : end - begin);
            const std::string errno_key = "errno = ";
            if (const auto e = desc.find(errno_key); e != std::string::npos) {
              const auto comma = desc.find(',', e);
              message += " (errno " +
                         desc.substr(e + errno_key.size(), comma == std::string::npos
                                                               ? std::string::npos
                                                               : comma - e - errno_key.size()) +
                         ")";
            }
            out->os_message = message;
          }
        } catch (...) {
        }
        return 0;
      },
      &found);
  H5Eclear2(H5E_DEFAULT);
  if (!found.os_message.empty()) return found.os_message;
  if (!found.innermost.empty()) return found.innermost;
  return "no detail on HDF5's error stack";
}

// True when text is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF), which the
// file promises by tagging every string and link name as UTF-8.
bool is_valid_utf8(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      code = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= n) return false;  // truncated sequence
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      code = (code << 6) | (s[i + k] & 0x3F);
    }
    if ((extra == 2 && code < 0x800) || (extra == 3 && code < 0x10000) || code > 0x10FFFF ||
        (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

// Splits "a/b/c" (leading or trailing '/' tolerated) into its components; throws on empty, "."
// or ".." components and on text that is not UTF-8.
std::vector<std::string> split_path(const std::string& path, const char* what) {
  if (!is_valid_utf8(path)) {
    throw std::invalid_argument(std::string("Hdf5TraceWriter: ") + what + " '" + path +
                                "' is not valid UTF-8");
  }
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= path.size()) {
    const auto end = std::min(path.find('/', begin), path.size());
    std::string part = path.substr(begin, end - begin);
    const bool edge = (begin == 0 && end == 0) || (end == path.size() && part.empty());
    if (part.empty() && !edge) {
      throw std::invalid_argument(std::string("Hdf5TraceWriter: ") + what + " '" + path +
                                  "' has an empty component");
    }
    if (part == "." || part == "..") {
      throw std::invalid_argument(std::string("Hdf5TraceWriter: ") + what + " '" + path +
                                  "' may not contain '.' or '..'");
    }
    if (!part.empty()) parts.push_back(std::move(part));
    begin = end + 1;
  }
  if (parts.empty()) {
    throw std::invalid_argument(std::string("Hdf5TraceWriter: ") + what + " is empty");
  }
  return parts;
}

std::string join_path(const std::vector<std::string>& parts, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  return out;
}

// Throws unless text can be stored as an HDF5 variable-length UTF-8 string: valid UTF-8 and no
// NUL byte (HDF5 keeps such strings NUL-terminated).
void require_text(const std::string& text, const std::string& what) {
  if (!is_valid_utf8(text) || text.find('\0') != std::string::npos) {
    throw std::invalid_argument("Hdf5TraceWriter: " + what +
                                " must be UTF-8 text without NUL bytes");
  }
}

}  // namespace

struct Hdf5TraceWriter::Impl {
  std::filesystem::path final_path;
  std::filesystem::path partial_path;
  Hdf5WriterOptions options;

  // Property lists and types made once and reused for every object.
  Hid link_plist;    // UTF-8 link names
  Hid group_plist;   // groups track creation order, so readers list channels as declared
  Hid access_plist;  // dataset access: chunk cache off (see file comment)
  Hid rows_plist;    // row datasets: chunked, optionally shuffle + deflate
  Hid utf8_type;     // variable-length UTF-8 string
  Hid scalar_plist;  // scalar and text datasets: contiguous, no timestamps

  Hid file;
  Hid tick_dataset;
  std::vector<Hid> channel_datasets;
  std::vector<std::string> channel_paths;

  // Pending rows: ticks, and channel c's values at [c * chunk_rows, c * chunk_rows + pending).
  std::vector<std::int64_t> pending_ticks;
  std::vector<double> pending_values;
  std::size_t pending = 0;
  std::size_t capacity = 0;  // rows that end the current chunk

  std::uint64_t rows_on_disk = 0;
  std::int64_t last_tick_s = 0;
  bool committed = false;
  bool broken = false;  // an HDF5 call failed: no more writes, no commit
  std::uint64_t final_bytes = 0;

  Impl(std::filesystem::path final, Hdf5WriterOptions opts);
  ~Impl();

  // Closes everything and deletes the partial file (a run that did not commit).
  void abandon() noexcept;

  // Throws the writer's error for a failed HDF5 call and marks the writer broken.
  [[noreturn]] void fail(const char* call, const std::string& object) {
    broken = true;
    const std::string reason = take_hdf5_reason();
    throw std::runtime_error("HDF5 trace '" + partial_path.string() + "': " + call + " on '" +
                             object + "' failed: " + reason);
  }
  template <class Status>
  Status check(Status status, const char* call, const std::string& object) {
    if (status < 0) fail(call, object);
    return status;
  }

  void require_writable(const char* what) const {
    if (committed) {
      throw std::logic_error(std::string("Hdf5TraceWriter: ") + what + " after commit() on '" +
                             final_path.string() + "'");
    }
    if (broken) {
      throw std::logic_error(std::string("Hdf5TraceWriter: ") + what + " refused: an earlier " +
                             "HDF5 error left '" + partial_path.string() +
                             "' incomplete; it is deleted when the writer is destroyed");
    }
  }

  // HDF5 stamps objects with their creation time by default; that would make two runs of the same
  // scenario and seed differ byte for byte, so ZeroPark traces carry no timestamps.
  void no_timestamps(hid_t plist) {
    check(H5Pset_obj_track_times(plist, false), "H5Pset_obj_track_times", "object creation");
  }

  Hid make_rows_plist(bool compress) {
    Hid plist(check(H5Pcreate(H5P_DATASET_CREATE), "H5Pcreate", "dataset creation"), H5Pclose);
    const hsize_t chunk = options.chunk_rows;
    check(H5Pset_chunk(plist.get(), 1, &chunk), "H5Pset_chunk", "dataset creation");
    no_timestamps(plist.get());
    if (compress) {
      check(H5Pset_shuffle(plist.get()), "H5Pset_shuffle", "dataset creation");
      check(H5Pset_deflate(plist.get(), static_cast<unsigned>(options.deflate_level)),
            "H5Pset_deflate", "dataset creation");
    } else {
      // Extent only grows by what we write, so fill values would never be seen: skip them.
      check(H5Pset_fill_time(plist.get(), H5D_FILL_TIME_NEVER), "H5Pset_fill_time",
            "dataset creation");
    }
    return plist;
  }

  // Whether parts[0..count) names an object. Every shorter prefix that exists must be a group
  // (H5Lexists cannot look through a dataset), else invalid_argument.
  bool object_exists(const std::vector<std::string>& parts, std::size_t count) {
    for (std::size_t i = 1; i <= count; ++i) {
      const std::string prefix = join_path(parts, i);
      if (check(H5Lexists(file.get(), prefix.c_str(), H5P_DEFAULT), "H5Lexists", prefix) <= 0) {
        return false;
      }
      if (i == count) break;
      Hid object(check(H5Oopen(file.get(), prefix.c_str(), H5P_DEFAULT), "H5Oopen", prefix),
                 H5Oclose);
      if (H5Iget_type(object.get()) != H5I_GROUP) {
        throw std::invalid_argument("Hdf5TraceWriter: '" + prefix + "' in '" +
                                    partial_path.string() + "' is a dataset, not a group");
      }
    }
    return true;
  }

  // Checks that a new object may be created at parts and creates its missing parent groups
  // (tracking creation order). Returns the object's path.
  std::string prepare_new_object(const std::vector<std::string>& parts, const char* what) {
    const std::string clean = join_path(parts, parts.size());
    if (object_exists(parts, parts.size())) {
      throw std::invalid_argument("Hdf5TraceWriter: " + std::string(what) + " '" + clean +
                                  "' already exists in '" + partial_path.string() + "'");
    }
    for (std::size_t i = 1; i < parts.size(); ++i) {
      const std::string prefix = join_path(parts, i);
      if (check(H5Lexists(file.get(), prefix.c_str(), H5P_DEFAULT), "H5Lexists", prefix) > 0) {
        continue;  // a group: object_exists checked every existing prefix
      }
      Hid group(check(H5Gcreate2(file.get(), prefix.c_str(), link_plist.get(), group_plist.get(),
                                 H5P_DEFAULT),
                      "H5Gcreate2", prefix),
                H5Gclose);
    }
    return clean;
  }

  void write_string_attribute(hid_t object, const std::string& object_name, const std::string& name,
                              const std::string& value) {
    if (name.empty() || !is_valid_utf8(name)) {
      throw std::invalid_argument("Hdf5TraceWriter: attribute name '" + name + "' on '" +
                                  object_name + "' must be non-empty UTF-8");
    }
    require_text(value, "attribute '" + name + "' on '" + object_name + "'");
    const std::string where = object_name + "@" + name;
    if (check(H5Aexists(object, name.c_str()), "H5Aexists", where) > 0) {
      check(H5Adelete(object, name.c_str()), "H5Adelete", where);
    }
    Hid space(check(H5Screate(H5S_SCALAR), "H5Screate", where), H5Sclose);
    Hid attribute(check(H5Acreate2(object, name.c_str(), utf8_type.get(), space.get(), H5P_DEFAULT,
                                   H5P_DEFAULT),
                        "H5Acreate2", where),
                  H5Aclose);
    const char* text = value.c_str();
    check(H5Awrite(attribute.get(), utf8_type.get(), &text), "H5Awrite", where);
  }

  void write_int64_attribute(hid_t object, const std::string& object_name, const std::string& name,
                             std::int64_t value) {
    if (name.empty() || !is_valid_utf8(name)) {
      throw std::invalid_argument("Hdf5TraceWriter: attribute name '" + name + "' on '" +
                                  object_name + "' must be non-empty UTF-8");
    }
    const std::string where = object_name + "@" + name;
    if (check(H5Aexists(object, name.c_str()), "H5Aexists", where) > 0) {
      check(H5Adelete(object, name.c_str()), "H5Adelete", where);
    }
    Hid space(check(H5Screate(H5S_SCALAR), "H5Screate", where), H5Sclose);
    Hid attribute(check(H5Acreate2(object, name.c_str(), H5T_STD_I64LE, space.get(), H5P_DEFAULT,
                                   H5P_DEFAULT),
                        "H5Acreate2", where),
                  H5Aclose);
    check(H5Awrite(attribute.get(), H5T_NATIVE_INT64, &value), "H5Awrite", where);
  }

  Hid create_rows_dataset(const std::string& path, hid_t file_type, hid_t plist) {
    const hsize_t zero = 0;
    const hsize_t unlimited = H5S_UNLIMITED;
    Hid space(check(H5Screate_simple(1, &zero, &unlimited), "H5Screate_simple", path), H5Sclose);
    return Hid(check(H5Dcreate2(file.get(), path.c_str(), file_type, space.get(), link_plist.get(),
                                plist, access_plist.get()),
                     "H5Dcreate2", path),
               H5Dclose);
  }

  // Extends one row dataset to rows_on_disk + count and writes count rows from data.
  void write_rows(const Hid& dataset, const std::string& path, hid_t memory_type, const void* data,
                  std::size_t count) {
    const hsize_t start = rows_on_disk;
    const hsize_t rows = count;
    const hsize_t new_size = start + rows;
    check(H5Dset_extent(dataset.get(), &new_size), "H5Dset_extent", path);
    Hid file_space(check(H5Dget_space(dataset.get()), "H5Dget_space", path), H5Sclose);
    check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &start, nullptr, &rows, nullptr),
          "H5Sselect_hyperslab", path);
    Hid memory_space(check(H5Screate_simple(1, &rows, nullptr), "H5Screate_simple", path),
                     H5Sclose);
    check(H5Dwrite(dataset.get(), memory_type, memory_space.get(), file_space.get(), H5P_DEFAULT,
                   data),
          "H5Dwrite", path);
  }

  // Writes every pending row and starts a new buffer that ends on the next chunk boundary.
  void write_pending() {
    if (pending > 0) {
      QuietHdf5Errors quiet;
      write_rows(tick_dataset, kTickPath, H5T_NATIVE_INT64, pending_ticks.data(), pending);
      for (std::size_t c = 0; c < channel_datasets.size(); ++c) {
        write_rows(channel_datasets[c], channel_paths[c], H5T_NATIVE_DOUBLE,
                   pending_values.data() + c * options.chunk_rows, pending);
      }
      rows_on_disk += pending;
      pending = 0;
    }
    capacity = options.chunk_rows - static_cast<std::size_t>(rows_on_disk % options.chunk_rows);
  }

  // Closes every HDF5 object, the file last; returns false if any close failed and then, if
  // first_failure is given, describes the first failure there. Allocates only on failure.
  bool close_all(std::string* first_failure) {
    bool ok = true;
    auto note = [&](herr_t status, const char* call, const std::string& object) {
      if (status < 0 && ok) {
        ok = false;
        if (first_failure != nullptr) {
          *first_failure = std::string(call) + " on '" + object + "' failed: " + take_hdf5_reason();
        }
      }
    };
    for (std::size_t c = 0; c < channel_datasets.size(); ++c) {
      note(channel_datasets[c].close(), "H5Dclose", channel_paths[c]);
    }
    static const std::string tick_path = kTickPath;
    static const std::string root = "/";
    note(tick_dataset.close(), "H5Dclose", tick_path);
    note(file.close(), "H5Fclose", root);
    link_plist.close();
    group_plist.close();
    access_plist.close();
    rows_plist.close();
    utf8_type.close();
    return ok;
  }
};

Hdf5TraceWriter::Impl::Impl(std::filesystem::path final, Hdf5WriterOptions opts)
    : final_path(std::move(final)), options(opts) {
  if (final_path.empty() || !final_path.has_filename()) {
    throw std::invalid_argument("Hdf5TraceWriter: the trace path '" + final_path.string() +
                                "' does not name a file");
  }
  partial_path = final_path;
  partial_path += ".partial";
  if (options.chunk_rows == 0 || options.chunk_rows > (std::size_t{1} << 28)) {
    throw std::invalid_argument("Hdf5TraceWriter: chunk_rows must be in 1..268435456 (got " +
                                std::to_string(options.chunk_rows) + ")");
  }
  if (options.compress && (options.deflate_level < 1 || options.deflate_level > 9)) {
    throw std::invalid_argument("Hdf5TraceWriter: deflate_level must be in 1..9 (got " +
                                std::to_string(options.deflate_level) + ")");
  }

  QuietHdf5Errors quiet;
  if (options.compress &&
      (H5Zfilter_avail(H5Z_FILTER_DEFLATE) <= 0 || H5Zfilter_avail(H5Z_FILTER_SHUFFLE) <= 0)) {
    throw std::runtime_error(
        "Hdf5TraceWriter: this HDF5 library lacks the deflate or shuffle "
        "filter; write '" +
        final_path.string() + "' uncompressed");
  }

  link_plist = Hid(check(H5Pcreate(H5P_LINK_CREATE), "H5Pcreate", "link creation"), H5Pclose);
  check(H5Pset_char_encoding(link_plist.get(), H5T_CSET_UTF8), "H5Pset_char_encoding",
        "link creation");
  group_plist = Hid(check(H5Pcreate(H5P_GROUP_CREATE), "H5Pcreate", "group creation"), H5Pclose);
  check(
      H5Pset_link_creation_order(group_plist.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
      "H5Pset_link_creation_order", "group creation");
  no_timestamps(group_plist.get());
  scalar_plist = Hid(check(H5Pcreate(H5P_DATASET_CREATE), "H5Pcreate", "dataset creation"), H5Pclose);
  no_timestamps(scalar_plist.get());
  access_plist = Hid(check(H5Pcreate(H5P_DATASET_ACCESS), "H5Pcreate", "dataset access"), H5Pclose);
  check(H5Pset_chunk_cache(access_plist.get(), 0, 0, 1.0), "H5Pset_chunk_cache", "dataset access");
  rows_plist = make_rows_plist(options.compress);
  utf8_type = Hid(check(H5Tcopy(H5T_C_S1), "H5Tcopy", "string type"), H5Tclose);
  check(H5Tset_size(utf8_type.get(), H5T_VARIABLE), "H5Tset_size", "string type");
  check(H5Tset_cset(utf8_type.get(), H5T_CSET_UTF8), "H5Tset_cset", "string type");

  Hid file_plist(check(H5Pcreate(H5P_FILE_CREATE), "H5Pcreate", "file creation"), H5Pclose);
  check(H5Pset_link_creation_order(file_plist.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "H5Pset_link_creation_order", "file creation");
  no_timestamps(file_plist.get());  // the root group
  Hid access(check(H5Pcreate(H5P_FILE_ACCESS), "H5Pcreate", "file access"), H5Pclose);
  check(H5Pset_fapl_sec2(access.get()), "H5Pset_fapl_sec2", "file access");  // POSIX I/O, an fd
  // Keep HDF5's file lock, but do not fail on file systems that cannot lock (some NFS mounts).
  check(H5Pset_file_locking(access.get(), true, true), "H5Pset_file_locking", "file access");
  file = Hid(check(H5Fcreate(partial_path.c_str(), H5F_ACC_TRUNC, file_plist.get(), access.get()),
                   "H5Fcreate", "/"),
             H5Fclose);

  try {
    write_int64_attribute(file.get(), "/", kCompleteAttribute, 0);
    tick_dataset = create_rows_dataset(prepare_new_object({"time", "tick_s"}, "dataset"),
                                       H5T_STD_I64LE, rows_plist.get());
    write_string_attribute(tick_dataset.get(), kTickPath, "unit", "s");
    write_string_attribute(tick_dataset.get(), kTickPath, "description",
                           "event time: seconds since the scenario start");
  } catch (...) {
    abandon();
    throw;
  }
  capacity = options.chunk_rows;
}

Hdf5TraceWriter::Impl::~Impl() {
  if (!committed) abandon();
}

void Hdf5TraceWriter::Impl::abandon() noexcept {
  QuietHdf5Errors quiet;
  // The file is about to be deleted, so first give its disk space back: when the disk is full,
  // H5Fclose's final metadata flush would fail, and HDF5 1.10 then leaves a dangling file ID that
  // crashes the process in HDF5's atexit clean-up (HDFFV-11052, fixed in HDF5 1.14.1). After the
  // truncation the flush writes a few KiB into a sparse file and succeeds.
  if (file.valid()) {
    void* handle = nullptr;
    if (H5Fget_vfd_handle(file.get(), H5P_DEFAULT, &handle) >= 0 && handle != nullptr) {
      (void)::ftruncate(*static_cast<int*>(handle), 0);  // sec2 driver: the handle is an fd
    }
  }
  close_all(nullptr);
  H5Eclear2(H5E_DEFAULT);
  std::error_code ignored;
  std::filesystem::remove(partial_path, ignored);
}

Hdf5TraceWriter::Hdf5TraceWriter(std::filesystem::path final_path, Hdf5WriterOptions options)
    : impl_(std::make_unique<Impl>(std::move(final_path), options)) {}

Hdf5TraceWriter::~Hdf5TraceWriter() = default;
Hdf5TraceWriter::Hdf5TraceWriter(Hdf5TraceWriter&&) noexcept = default;
Hdf5TraceWriter& Hdf5TraceWriter::operator=(Hdf5TraceWriter&&) noexcept = default;

namespace {
[[noreturn]] void throw_moved_from() {
  throw std::logic_error("Hdf5TraceWriter: use of a moved-from writer");
}
}  // namespace

int Hdf5TraceWriter::add_channel(const std::string& group, const std::string& name,
                                 const std::string& unit, const std::string& description) {
  if (!impl_) throw_moved_from();
  Impl& w = *impl_;
  w.require_writable("add_channel");
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
      !is_valid_utf8(name)) {
    throw std::invalid_argument("Hdf5TraceWriter: channel name '" + name + "' in group '" + group +
                                "' must be non-empty UTF-8 and contain no '/'");
  }
  auto parts = split_path(group, "channel group");
  parts.push_back(name);
  const std::string path = join_path(parts, parts.size());
  if (w.pending > 0 || w.rows_on_disk > 0) {
    throw std::logic_error("Hdf5TraceWriter: add_channel('" + path +
                           "') after the first row; declare every channel before append_row");
  }
  require_text(unit, "unit of channel '" + path + "'");
  require_text(description, "description of channel '" + path + "'");
  QuietHdf5Errors quiet;
  const std::string clean = w.prepare_new_object(parts, "channel");
  Hid dataset = w.create_rows_dataset(clean, H5T_IEEE_F64LE, w.rows_plist.get());
  w.write_string_attribute(dataset.get(), clean, "unit", unit);
  w.write_string_attribute(dataset.get(), clean, "description", description);
  w.channel_datasets.push_back(std::move(dataset));
  w.channel_paths.push_back(clean);
  return static_cast<int>(w.channel_datasets.size() - 1);
}

void Hdf5TraceWriter::append_row(std::int64_t tick_s, std::span<const double> values) {
  if (!impl_) throw_moved_from();
  Impl& w = *impl_;
  w.require_writable("append_row");
  const std::size_t channels = w.channel_datasets.size();
  if (values.size() != channels) {
    throw std::invalid_argument("Hdf5TraceWriter: append_row at tick " + std::to_string(tick_s) +
                                " got " + std::to_string(values.size()) + " values for " +
                                std::to_string(channels) + " channels");
  }
  const bool first = w.pending == 0 && w.rows_on_disk == 0;
  if (!first && tick_s < w.last_tick_s) {
    throw std::invalid_argument("Hdf5TraceWriter: append_row tick " + std::to_string(tick_s) +
                                " s is before the previous tick " + std::to_string(w.last_tick_s) +
                                " s");
  }
  if (w.pending_ticks.empty()) {  // first row: the channel set is final, size the buffer
    w.pending_ticks.resize(w.options.chunk_rows);
    w.pending_values.resize(channels * w.options.chunk_rows);
  }
  w.pending_ticks[w.pending] = tick_s;
  double* column = w.pending_values.data() + w.pending;
  for (std::size_t c = 0; c < channels; ++c) column[c * w.options.chunk_rows] = values[c];
  w.last_tick_s = tick_s;
  if (++w.pending == w.capacity) w.write_pending();
}

void Hdf5TraceWriter::write_text(const std::string& path, const std::string& text) {
  if (!impl_) throw_moved_from();
  Impl& w = *impl_;
  w.require_writable("write_text");
  require_text(text, "text for '" + path + "'");
  QuietHdf5Errors quiet;
  const std::string clean = w.prepare_new_object(split_path(path, "text path"), "text dataset");
  Hid space(w.check(H5Screate(H5S_SCALAR), "H5Screate", clean), H5Sclose);
  Hid dataset(w.check(H5Dcreate2(w.file.get(), clean.c_str(), w.utf8_type.get(), space.get(),
                                 w.link_plist.get(), w.scalar_plist.get(), H5P_DEFAULT),
                      "H5Dcreate2", clean),
              H5Dclose);
  const char* data = text.c_str();
  w.check(H5Dwrite(dataset.get(), w.utf8_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &data),
          "H5Dwrite", clean);
}

void Hdf5TraceWriter::write_scalar(const std::string& path, double value, const std::string& unit,
                                   const std::string& description) {
  if (!impl_) throw_moved_from();
  Impl& w = *impl_;
  w.require_writable("write_scalar");
  require_text(unit, "unit of '" + path + "'");
  require_text(description, "description of '" + path + "'");
  QuietHdf5Errors quiet;
  const std::string clean = w.prepare_new_object(split_path(path, "scalar path"), "scalar dataset");
  Hid space(w.check(H5Screate(H5S_SCALAR), "H5Screate", clean), H5Sclose);
  Hid dataset(w.check(H5Dcreate2(w.file.get(), clean.c_str(), H5T_IEEE_F64LE, space.get(),
                                 w.link_plist.get(), w.scalar_plist.get(), H5P_DEFAULT),
                      "H5Dcreate2", clean),
              H5Dclose);
  w.check(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &value),
          "H5Dwrite", clean);
  w.write_string_attribute(dataset.get(), clean, "unit", unit);
  w.write_string_attribute(dataset.get(), clean, "description", description);
}

void Hdf5TraceWriter::write_vector(const std::string& path, std::span<const double> values,
                                   const std::string& unit, const std::string& description) {
  if (!impl_) throw_moved_from();
  Impl& w = *impl_;
  w.require_writable("write_vector");
  require_text(unit, "unit of '" + path + "'");
  require_text(description, "description of '" + path + "'");
  QuietHdf5Errors quiet;
  const std::string clean = w.prepare_new_object(split_path(path, "vector path"), "vector dataset");
  const hsize_t size = values.size();
  Hid space(w.check(H5Screate_simple(1, &size, nullptr), "H5Screate_simple", clean), H5Sclose);
  Hid dataset(w.check(H5Dcreate2(w.file.get(), clean.c_str(), H5T_IEEE_F64LE, space.get(),
                                 w.link_plist.get(), w.scalar_plist.get(), H5P_DEFAULT),
                      "H5Dcreate2", clean),
              H5Dclose);
  if (size > 0) {
    w.check(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
            "H5Dwrite", clean);
  }
  w.write_string_attribute(dataset.get(), clean, "unit", unit);
  w.write_string_attribute(dataset.get(), clean, "description", description);
}

void Hdf5TraceWriter::write_strings(const std::string& path, std::span<const std::string> values,
                                    const std::string& unit, const std::string& description) {
  if (!impl_) throw_moved_from();
  Impl& w = *impl_;
  w.require_writable("write_strings");
  for (std::size_t i = 0; i < values.size(); ++i) {
    require_text(values[i], "entry " + std::to_string(i) + " of '" + path + "'");
  }
  require_text(unit, "unit of '" + path + "'");
  require_text(description, "description of '" + path + "'");
  QuietHdf5Errors quiet;
  const std::string clean = w.prepare_new_object(split_path(path, "strings path"), "strings dataset");
  const hsize_t size = values.size();
  Hid space(w.check(H5Screate_simple(1, &size, nullptr), "H5Screate_simple", clean), H5Sclose);
  Hid dataset(w.check(H5Dcreate2(w.file.get(), clean.c_str(), w.utf8_type.get(), space.get(),
                                 w.link_plist.get(), w.scalar_plist.get(), H5P_DEFAULT),
                      "H5Dcreate2", clean),
              H5Dclose);
  if (size > 0) {
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const std::string& value : values) pointers.push_back(value.c_str());
    w.check(H5Dwrite(dataset.get(), w.utf8_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
            "H5Dwrite", clean);
  }
  w.write_string_attribute(dataset.get(), clean, "unit", unit);
  w.write_string_attribute(dataset.get(), clean, "description", description);
}

// The checks both set_root_attribute overloads make before writing.
static void check_root_attribute(const std::string& name) {
  if (name == kCompleteAttribute) {
    throw std::invalid_argument("Hdf5TraceWriter: root attribute 'complete' is set by commit()");
  }
}

void Hdf5TraceWriter::set_root_attribute(const std::string& name, const std::string& value) {
  if (!impl_) throw_moved_from();
  impl_->require_writable("set_root_attribute");
  check_root_attribute(name);
  QuietHdf5Errors quiet;
  impl_->write_string_attribute(impl_->file.get(), "/", name, value);
}

void Hdf5TraceWriter::set_root_attribute(const std::string& name, std::int64_t value) {
  if (!impl_) throw_moved_from();
  impl_->require_writable("set_root_attribute");
  check_root_attribute(name);
  QuietHdf5Errors quiet;
  impl_->write_int64_attribute(impl_->file.get(), "/", name, value);
}

void Hdf5TraceWriter::set_attribute(const std::string& object_path, const std::string& name,
                                    const std::string& value) {
  if (!impl_) throw_moved_from();
  Impl& w = *impl_;
  w.require_writable("set_attribute");
  const auto parts = split_path(object_path, "object path");
  const std::string clean = join_path(parts, parts.size());
  QuietHdf5Errors quiet;
  if (!w.object_exists(parts, parts.size())) {
    throw std::invalid_argument("Hdf5TraceWriter: set_attribute('" + name + "') on '" + clean +
                                "', which does not exist in '" + w.partial_path.string() + "'");
  }
  Hid object(w.check(H5Oopen(w.file.get(), clean.c_str(), H5P_DEFAULT), "H5Oopen", clean),
             H5Oclose);
  w.write_string_attribute(object.get(), clean, name, value);
}

void Hdf5TraceWriter::flush() {
  if (!impl_) throw_moved_from();
  Impl& w = *impl_;
  w.require_writable("flush");
  w.write_pending();
  QuietHdf5Errors quiet;
  w.check(H5Fflush(w.file.get(), H5F_SCOPE_GLOBAL), "H5Fflush", "/");
}

void Hdf5TraceWriter::commit() {
  if (!impl_) throw_moved_from();
  Impl& w = *impl_;
  w.require_writable("commit");
  w.write_pending();
  QuietHdf5Errors quiet;
  w.write_int64_attribute(w.file.get(), "/", kCompleteAttribute, 1);
  // Flush while the file ID stays valid whatever happens (a failed H5Fclose would not; see
  // abandon()), so that the close below has next to nothing left to write.
  w.check(H5Fflush(w.file.get(), H5F_SCOPE_GLOBAL), "H5Fflush", "/");
  std::string failure;
  if (!w.close_all(&failure)) {
    w.broken = true;
    throw std::runtime_error("HDF5 trace '" + w.partial_path.string() + "': " + failure);
  }
  std::error_code error;
  std::filesystem::rename(w.partial_path, w.final_path, error);
  if (error) {
    w.broken = true;
    throw std::runtime_error("HDF5 trace: renaming '" + w.partial_path.string() + "' to '" +
                             w.final_path.string() + "' failed: " + error.message());
  }
  w.committed = true;
  w.final_bytes = std::filesystem::file_size(w.final_path, error);
  if (error) w.final_bytes = 0;
}

std::uint64_t Hdf5TraceWriter::rows() const {
  return impl_ ? impl_->rows_on_disk + impl_->pending : 0;
}

std::uint64_t Hdf5TraceWriter::bytes_written() const {
  return impl_ && impl_->committed ? impl_->final_bytes : 0;
}

std::size_t Hdf5TraceWriter::channel_count() const {
  return impl_ ? impl_->channel_datasets.size() : 0;
}

std::filesystem::path Hdf5TraceWriter::current_path() const {
  if (!impl_) return {};
  return impl_->committed ? impl_->final_path : impl_->partial_path;
}

}  // namespace zeropark
