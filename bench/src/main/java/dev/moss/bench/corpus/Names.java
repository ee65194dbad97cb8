package dev.moss.bench.corpus;

import java.util.SplittableRandom;

/** Pronounceable lower-case names, so paths look like paths and compress like them. */
final class Names {
    private static final String CONSONANTS = "bcdfghklmnprstvwxz";
    private static final String VOWELS = "aeiou";

    private Names() {}

    /** A word of exactly {@code length} letters, alternating consonants and vowels. */
    static String word(SplittableRandom rng, int length) {
        char[] c = new char[length];
        boolean vowel = rng.nextBoolean();
        for (int i = 0; i < length; i++) {
            c[i] = vowel ? VOWELS.charAt(rng.nextInt(VOWELS.length())) : CONSONANTS.charAt(rng.nextInt(CONSONANTS.length()));
            vowel = !vowel;
        }
        return new String(c);
    }

    /** A word of 3 to 10 letters. */
    static String word(SplittableRandom rng) {
        return word(rng, 3 + rng.nextInt(8));
    }

    /** An identifier such as {@code parse_token}: one to three words joined by '_'. */
    static String identifier(SplittableRandom rng) {
        int n = 1 + rng.nextInt(3);
        StringBuilder sb = new StringBuilder(word(rng));
        for (int i = 1; i < n; i++) {
            sb.append('_').append(word(rng, 3 + rng.nextInt(5)));
        }
        return sb.toString();
    }

    /** Capitalised, for CamelCase directory names. */
    static String capital(SplittableRandom rng) {
        String w = word(rng);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
