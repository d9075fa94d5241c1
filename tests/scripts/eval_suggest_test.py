#!/usr/bin/env python3
"""scripts/eval_suggest.py: the prefixes it types and how it folds what it compares
(ctest label: scripts)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "scripts"))
import eval_suggest  # noqa: E402


class EvalSuggestTest(unittest.TestCase):
    def test_folds_case_and_accents(self):
        self.assertEqual(eval_suggest.fold("Édouard Philippe à Matignon"),
                         "edouard philippe a matignon")

    def test_first_word_prefixes_stop_two_letters_into_the_first_word(self):
        pairs = list(eval_suggest.prefixes(["Grève à la SNCF", "« Citation » seule", "8 morts"],
                                           after_words=False))
        # A headline that does not open on a word of three letters or more gives none.
        self.assertEqual(pairs, [("Gr", "greve")])

    def test_later_word_prefixes_keep_the_words_before(self):
        headline = "Emmanuel Macron reçoit Angela Merkel"
        pairs = list(eval_suggest.prefixes([headline] * 50, after_words=True))
        self.assertEqual(len(pairs), 50)
        for typed, expected in pairs:
            self.assertTrue(headline.startswith(typed[:-2]))
            self.assertGreater(len(typed), len("Emmanuel"))  # never the first word
            self.assertTrue(eval_suggest.fold(headline).startswith(expected))
            self.assertTrue(expected.startswith(eval_suggest.fold(typed)))
        # The same seed types the same prefixes.
        self.assertEqual(pairs, list(eval_suggest.prefixes([headline] * 50, after_words=True)))


if __name__ == "__main__":
    unittest.main()
