package com.makeitright.remedy.policy;

import com.makeitright.contract.Monies;
import com.makeitright.events.AuthorityLevel;
import com.makeitright.events.CostCategory;
import com.makeitright.events.Money;
import com.makeitright.events.RemedyKind;

import java.util.ArrayList;
import java.util.List;

/**
 * One concrete remedy: what the customer gets, what it costs the business, and why.
 *
 * @param amount           money to the customer (refund, credit, discount), or null
 * @param gesture          a goodwill gesture on top, or null
 * @param openQuestion     asked of a calm customer, or null
 * @param estimatedCost    the sum of {@code costLines}
 * @param minimumAuthority the lowest level that may grant it whatever it costs (a flagged customer needs a supervisor)
 * @param fromCustomer     the customer's own counter-proposal (agreed once granted)
 */
public record Terms(RemedyKind kind, String description, Money amount, Gesture gesture, String openQuestion,
                    Money estimatedCost, List<Line> costLines, AuthorityLevel minimumAuthority, boolean fromCustomer,
                    Why reasoning) {

    public Terms {
        costLines = List.copyOf(costLines);
    }

    /** A thank-you on top of the remedy. */
    public record Gesture(String description, Money value) {
    }

    /** Cost to the business in one bookkeeping category. */
    public record Line(CostCategory category, Money amount) {
    }

    /** The figures weighed, as data. */
    public record Why(Money remedyCost, Money costOfInaction, List<Note> factors, String summary) {
        public Why {
            factors = List.copyOf(factors);
        }

        Why plus(Note note) {
            List<Note> more = new ArrayList<>(factors);
            more.add(note);
            return new Why(remedyCost, costOfInaction, more, summary);
        }
    }

    /** One factor: its name, its value as text, how it moved the decision. */
    public record Note(String name, String value, String effect) {
    }

    public String currency() {
        return estimatedCost.getCurrency();
    }

    static Money total(List<Line> lines, String currency) {
        Money total = Monies.zero(currency);
        for (Line line : lines) {
            total = Monies.add(total, line.amount());
        }
        return total;
    }
}
