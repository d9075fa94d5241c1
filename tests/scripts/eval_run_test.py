#!/usr/bin/env python3
"""scripts/eval_run.py with a stand-in for depeches-searchd that does not start: the evaluation
stops saying why, instead of failing on the missing port (ctest label: scripts)."""
import os
import stat
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "scripts"))
import eval_run as R  # noqa: E402


class DaemonStartTest(unittest.TestCase):
    def test_a_daemon_that_does_not_start_is_reported_with_what_it_said(self):
        with tempfile.TemporaryDirectory() as bin_dir:
            daemon = os.path.join(bin_dir, "depeches-searchd")
            with open(daemon, "w", encoding="utf-8") as f:
                f.write("#!/bin/sh\n"
                        "echo 'depeches-searchd: t.txt: line 3: a translation' >&2\n"
                        "exit 1\n")
            os.chmod(daemon, os.stat(daemon).st_mode | stat.S_IXUSR)
            with self.assertRaises(SystemExit) as stopped:
                R.run_answers(bin_dir, "db", [("q1", "alep")], "")
            self.assertEqual(str(stopped.exception),
                             "depeches-searchd did not start: "
                             "depeches-searchd: t.txt: line 3: a translation")


if __name__ == "__main__":
    unittest.main()
