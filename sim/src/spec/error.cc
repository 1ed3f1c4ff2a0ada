#include "zeropark/error.h"

namespace zeropark {
namespace {

std::string format_input_error(const InputLocation& where, const std::string& field,
                               const std::string& message) {
  std::string text = where.file.empty() ? std::string("<input>") : where.file;
  if (where.line > 0) {
    text += ':' + std::to_string(where.line);
    if (where.column > 0) text += ':' + std::to_string(where.column);
  }
  text += ": ";
  if (!field.empty()) text += "field '" + field + "': ";
  return text + message;
}

}  // namespace

InputError::InputError(InputLocation where, std::string field, std::string message)
    : std::runtime_error(format_input_error(where, field, message)),
      where_(std::move(where)),
      field_(std::move(field)),
      message_(std::move(message)) {}

}  // namespace zeropark
