package com.makeitright.intake.status;

import com.makeitright.intake.contacts.OpenCase;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One instance's part of a customer's open cases: the cases found and the partitions of the {@code open-cases}
 * store they were read from. The parts of every instance must hold each partition exactly once, else a case could
 * be missed (a partition restoring or moving) and a repeat contact would open a second case.
 */
record OpenCasesPart(SortedSet<Integer> partitions, List<OpenCase> cases) {

    OpenCasesPart {
        partitions = new TreeSet<>(partitions);
        cases = List.copyOf(cases);
    }
}
