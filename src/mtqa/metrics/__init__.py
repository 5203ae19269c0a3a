"""Reference-based metrics (BLEU, chrF, TER) through sacrebleu, with its signatures."""
