package com.makeitright.triage.acknowledge;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.Channel;
import com.makeitright.triage.classify.Classification;

import java.util.ArrayList;
import java.util.List;

/** How the agent should handle the conversation, from the classification (issue #6's guidance). */
final class HandlingAdvisor {

    List<Advice> advise(Classification c, Channel channel, boolean reopened, boolean doNotServe, List<String> review) {
        List<Advice> advice = new ArrayList<>();
        boolean veryUpset = c.anger() == Anger.ANGRY || c.anger() == Anger.HOSTILE;
        boolean abusive = c.has("insult") || c.has("contempt") || c.has("profanity") || c.has("threat");
        if (!review.isEmpty()) {
            advice.add(new Advice("HUMAN_REVIEW", "Triage is unsure (" + String.join(" ", review)
                    + ") Read the complaint yourself before acting on this classification."));
        }
        if (doNotServe) {
            advice.add(new Advice("DO_NOT_SERVE", "The business decided not to serve this customer again. Stay"
                    + " courteous, offer no new sales, and let a supervisor decide how to close this complaint."));
        }
        if (c.has("safety-or-legal")) {
            advice.add(new Advice("ESCALATE_SAFETY", "Health, safety or a legal step is mentioned: tell a"
                    + " supervisor today and keep a written record of every contact."));
        }
        advice.add(new Advice("LISTEN_FIRST", "Listen to the whole story before answering; do not interrupt,"
                + " correct or explain until they have finished."));
        if (veryUpset) {
            advice.add(new Advice("LET_THEM_VENT", "Let the customer vent. Acknowledge the feeling before the facts;"
                    + " do not argue with it."));
        }
        if (reopened) {
            advice.add(new Advice("ACKNOWLEDGE_FAILED_FIX", "This case was reopened: read the previous round first"
                    + " and say plainly that the first fix did not work for them."));
        }
        if (c.cause() == Cause.MISPLACED_HOSTILITY) {
            advice.add(new Advice("ASK_ABOUT_THEIR_DAY", "The anger seems to come from elsewhere in their day. Before"
                    + " turning to the problem, ask an open question such as \"It sounds like today has been a lot."
                    + " How are you doing?\" and listen to the answer."));
        }
        if (c.cause() == Cause.SUSPECTED_ABUSE) {
            advice.add(new Advice("STAY_NEUTRAL", "Stay neutral and accuse no one. Ask for the item back for"
                    + " inspection, or for evidence (photos, delivery details), before any refund is discussed."));
        } else {
            advice.add(new Advice("APOLOGIZE_SPECIFICALLY", "Apologise sincerely and specifically for \""
                    + c.keyPhrase() + "\", in your own words: no template phrases and no jokes."));
        }
        if (c.cause() == Cause.MISUNDERSTANDING) {
            advice.add(new Advice("EXPLAIN_POLICY_KINDLY", "Explain the policy kindly and simply, as something we"
                    + " should have made clearer; never suggest they should have read it."));
        }
        if (c.cause() == Cause.UNREASONABLE) {
            advice.add(new Advice("BE_HONEST_ABOUT_LIMITS", "Take the underlying problem seriously, and be honest and"
                    + " kind about what we cannot do; do not mock the demand."));
        }
        if (c.cause() != Cause.SUSPECTED_ABUSE) {
            if (veryUpset) {
                advice.add(new Advice("SUGGEST_SPECIFIC_REMEDY", "The customer is very upset: propose one specific"
                        + " remedy rather than asking an open question."));
            } else {
                advice.add(new Advice("ASK_WHAT_WOULD_MAKE_IT_RIGHT", "Ask \"What can I do to make this right?\""
                        + " and let them answer in full."));
            }
        }
        if (channel == Channel.PHONE && (c.anger() == Anger.HOSTILE || c.has("shouting") || c.has("exclamation-run"))) {
            advice.add(new Advice("MOVE_TO_EMAIL", "If the call stays loud, offer to continue by e-mail so that"
                    + " everything is in writing and both sides can take a breath."));
        }
        if (abusive) {
            advice.add(new Advice("SET_BOUNDARY", "Set a calm, firm boundary: \"I want to help you, and I can't"
                    + " continue if the language stays like this.\" End the conversation politely if it goes on."));
        }
        if (c.anger() == Anger.HOSTILE) {
            advice.add(new Advice("TAKE_A_BREAK", "After this conversation, take a short break before the next one."));
        }
        return List.copyOf(advice);
    }
}
