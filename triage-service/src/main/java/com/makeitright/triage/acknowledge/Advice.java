package com.makeitright.triage.acknowledge;

/** One piece of handling advice for the agent: a stable code and what to do, in plain words. */
public record Advice(String code, String text) {
}
