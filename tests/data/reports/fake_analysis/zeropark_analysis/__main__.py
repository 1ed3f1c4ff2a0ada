"""`python3 -m zeropark_analysis report TRACE --html DIR`: writes DIR/index.html naming TRACE.

With ZEROPARK_FAKE_REPORT_FAIL set it fails instead, the way a real report would on bad input.
"""
import os
import sys


def main(argv):
    if len(argv) != 4 or argv[0] != "report" or argv[2] != "--html":
        print("fake zeropark_analysis: unexpected arguments %r" % (argv,), file=sys.stderr)
        return 2
    if os.environ.get("ZEROPARK_FAKE_REPORT_FAIL"):
        print("fake zeropark_analysis: failing on purpose for %s" % argv[1], file=sys.stderr)
        return 1
    os.makedirs(argv[3], exist_ok=True)
    with open(os.path.join(argv[3], "index.html"), "w", encoding="utf-8") as out:
        out.write("<html><body>report of %s</body></html>\n" % argv[1])
    return 0


sys.exit(main(sys.argv[1:]))
