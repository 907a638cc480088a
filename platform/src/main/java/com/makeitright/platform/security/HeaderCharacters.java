package com.makeitright.platform.security;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.util.function.Predicate;

/**
 * Spring Security's strict firewall rules for header names and values, decided without a regular expression when
 * the text is plain printable ASCII (as nearly every header is): the firewall checks each header on every read, and
 * its Unicode-class regex was a twentieth of a request thread's CPU in intake. Anything else goes to the firewall's
 * own predicate, so what is allowed is exactly what it allows.
 */
final class HeaderCharacters {

    /** Names: assigned characters, no control character ({@link StrictServerWebExchangeFirewall#ALLOWED_HEADER_NAMES}). */
    static final Predicate<String> NAMES = text -> printableAscii(text, false)
            || StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text);

    /** Values: the same, and the tab ({@link StrictServerWebExchangeFirewall#ALLOWED_HEADER_VALUES}). */
    static final Predicate<String> VALUES = text -> printableAscii(text, true)
            || StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text);

    private HeaderCharacters() {
    }

    /** Space to tilde (assigned, not control), and the tab when allowed; false means "ask the firewall". */
    private static boolean printableAscii(String text, boolean tab) {
        if (text == null) { // an absent header: the firewall's own predicate decides, as without this class
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c > 0x7E) && !(tab && c == '\t')) {
                return false;
            }
        }
        return true;
    }
}
