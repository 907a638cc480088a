package com.makeitright.bench.triage;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Calls triage-service's {@code Triage.decide} on a complaint text: classification, priority, advice and the
 * acknowledgement's wording, as the stream does per complaint (no Kafka, no Spring). Reached through method
 * handles because the service's classes come from its executable jar at run time, not from this module's
 * compile classpath. Fills {@code Complaint}'s constructor by parameter type, so it survives added fields.
 */
final class TriageAdapter {

    private final Object triage;
    private final MethodHandle decide;
    private final Constructor<?> complaint;
    private final Constructor<?> complaintText;
    private final Object noHistory;

    TriageAdapter(Path extracted) throws Exception {
        ClassLoader loader = TriageClasspath.loader(extracted);
        Class<?> triageType = loader.loadClass("com.makeitright.triage.acknowledge.Triage");
        Class<?> complaintType = loader.loadClass("com.makeitright.triage.acknowledge.Complaint");
        Class<?> deadlinesType = loader.loadClass("com.makeitright.triage.acknowledge.AcknowledgeDeadlines");
        Class<?> historyType = loader.loadClass("com.makeitright.triage.classify.History");
        Object deadlines = deadlinesType.getField("DEFAULTS").get(null);
        this.triage = triageType.getConstructor(deadlinesType, Clock.class).newInstance(deadlines, Clock.systemUTC());
        this.noHistory = historyType.getField("NONE").get(null);
        this.complaint = widest(complaintType);
        this.complaintText = widest(loader.loadClass("com.makeitright.triage.classify.ComplaintText"));
        this.decide = MethodHandles.publicLookup().findVirtual(triageType, "decide",
                MethodType.methodType(loader.loadClass("com.makeitright.triage.acknowledge.TriageDecision"),
                        complaintType));
    }

    /** Triage's decision on one complaint (an opaque object: the benchmark only consumes it). */
    Object decide(String id, String text) throws Throwable {
        return decide.invoke(triage, complaint(id, text));
    }

    /** {@code Complaint(id, round 1, text, History.NONE, null...)}: round one of a new customer's complaint. */
    private Object complaint(String id, String text) throws ReflectiveOperationException {
        Class<?>[] types = complaint.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] == String.class) {
                args[i] = id;
            } else if (types[i] == int.class) {
                args[i] = 1;
            } else if (types[i] == complaintText.getDeclaringClass()) {
                args[i] = text(text);
            } else if (types[i].isInstance(noHistory)) {
                args[i] = noHistory;
            } else if (types[i].isPrimitive()) {
                args[i] = types[i] == boolean.class ? false : 0;
            }
        }
        return complaint.newInstance(args);
    }

    /** {@code ComplaintText(subject, description, desired outcome, ..., order amount, ...)}; the rest default. */
    private Object text(String description) throws ReflectiveOperationException {
        Class<?>[] types = complaintText.getParameterTypes();
        Object[] args = new Object[types.length];
        String[] strings = {"Wrong item in my order", description, "Send the item I ordered"};
        int string = 0;
        for (int i = 0; i < types.length; i++) {
            if (types[i] == String.class && string < strings.length) {
                args[i] = strings[string++];
            } else if (types[i] == BigDecimal.class) {
                args[i] = new BigDecimal("49.00");
            } else if (types[i].isPrimitive()) {
                args[i] = types[i] == boolean.class ? false : 0;
            }
        }
        return complaintText.newInstance(args);
    }

    private static Constructor<?> widest(Class<?> type) {
        Constructor<?> widest = null;
        for (Constructor<?> candidate : type.getConstructors()) {
            if (widest == null || candidate.getParameterCount() > widest.getParameterCount()) {
                widest = candidate;
            }
        }
        if (widest == null) {
            throw new IllegalStateException(type + " has no public constructor");
        }
        return widest;
    }
}
