package io.migrationinsights.users;

import io.migrationinsights.system.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Which passwords are refused, with the reason (422): shorter than 12
 * characters or equal to the user name (CONTRACT section 7), or rated weak by
 * nbvcxz, a maintained zxcvbn-style estimator, at its default minimum entropy,
 * with the user name added to its dictionaries so that variations of it count
 * as guessable.
 */
final class PasswordPolicy {

    /** Shortest password accepted (CONTRACT section 7). */
    static final int MIN_LENGTH = 12;
    /** Longest password accepted: bcrypt reads 72 bytes; the estimator's cost grows with length. */
    static final int MAX_LENGTH = 72;

    private PasswordPolicy() {
    }

    static void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw refused("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            throw refused("The password must have at most " + MAX_LENGTH + " characters.");
        }
        if (password.equalsIgnoreCase(username)) {
            throw refused("The password must not be the user name.");
        }
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(new DictionaryBuilder().setDictionaryName("user").setExclusion(true)
                .addWord(username.toLowerCase(Locale.ROOT), 0).createDictionary());
        Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries)
                .createConfiguration());
        Result result = estimator.estimate(password);
        if (!result.isMinimumEntropyMet()) {
            List<String> reasons = new ArrayList<>();
            if (result.getFeedback().getWarning() != null) {
                reasons.add(result.getFeedback().getWarning());
            }
            reasons.addAll(result.getFeedback().getSuggestion());
            throw refused("The password is too easy to guess. " + String.join(" ", reasons)
                    + " A phrase of four or more unrelated words is strong and easy to remember.");
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(422, "Password refused", detail);
    }
}
