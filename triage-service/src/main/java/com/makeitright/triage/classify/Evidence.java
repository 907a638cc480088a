package com.makeitright.triage.classify;

/**
 * One signal that fired: a stable code, the customer's words that triggered it, how strongly it counts
 * (negative lowers) and what it points to, e.g. {@code cause:SUSPECTED_ABUSE} or {@code anger:HOSTILE}.
 */
public record Evidence(String signal, String evidence, double weight, String indicates) {
}
