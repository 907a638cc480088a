package com.makeitright.followup.dashboard;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.ComplaintAcknowledged;
import com.makeitright.events.ComplaintContactAdded;
import com.makeitright.events.ComplaintReceived;
import com.makeitright.events.ComplaintResolved;
import com.makeitright.events.AcknowledgementApproved;
import com.makeitright.events.CustomerErased;
import com.makeitright.events.CustomerNotified;
import com.makeitright.events.FollowUpCompleted;
import com.makeitright.events.FollowUpDue;
import com.makeitright.events.NotificationOutcome;
import com.makeitright.events.PreventionActionProposed;
import com.makeitright.events.RemedyApprovalDecided;
import com.makeitright.events.RemedyFulfilled;
import com.makeitright.events.RemedyOffered;
import com.makeitright.events.RemedyResponded;
import com.makeitright.events.RootCause;
import org.apache.avro.specific.SpecificRecord;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The dashboard's read model, folded from the contract topics by {@link DashboardFeed}. Bounded by design:
 * complaints are kept while open and {@code closed-grace} after closing ({@code max-idle} after their last event at
 * most, {@code max-complaints} in all, the least recently touched dropped first); counts over time live in fixed
 * rings ({@link Aggregates}); prevention actions one per root cause; dead letters one count per topic. One lock: the
 * feed's thread writes, HTTP threads read copies.
 */
final class DashboardModel {

    private final DashboardProperties properties;
    /** Insertion order is the order complaints were last touched (see {@link #file}): the eldest goes at the cap. */
    private final LinkedHashMap<String, CaseFile> cases = new LinkedHashMap<>();
    private final Aggregates aggregates = new Aggregates();
    private final Map<RootCause, DashboardViews.Prevention> prevention = new EnumMap<>(RootCause.class);
    private final Map<String, Long> deadLetters = new TreeMap<>();
    /** One entry per consumer group: bounded by the groups of the deployment, not by the data. */
    private final Map<String, Long> consumerLag = new TreeMap<>();
    /**
     * Customers erased lately (customer id → when) and the complaints dropped for them: their events, read again after
     * a restart in any order across topics, are not folded back in. Bounded: {@code max-complaints} each, the eldest
     * forgotten first (an erasure older than that is also older than every case file kept).
     */
    private final Map<String, Long> erasedCustomers;
    private final Map<String, Boolean> erasedComplaints;
    private long version;

    DashboardModel(DashboardProperties properties) {
        this.erasedCustomers = bounded(properties.maxComplaints());
        this.erasedComplaints = bounded(properties.maxComplaints());
        this.properties = properties;
    }

    synchronized long version() {
        return version;
    }

    /** Folds one event in; {@code now} is the wall clock, which decides what is too old to count. */
    synchronized void apply(Object event, long now) {
        version++;
        if (event instanceof CustomerErased e) {
            erased(e);
            return;
        }
        if (event instanceof ComplaintReceived e && isErased(e)) {
            erasedComplaints.put(e.getComplaintId(), Boolean.TRUE);
            cases.remove(e.getComplaintId());
        }
        if (event instanceof SpecificRecord record && erasedComplaints.containsKey(complaintIdOf(record))) {
            return;
        }
        if (event instanceof ComplaintReceived e) {
            if (file(e.getComplaintId()).received(e)) {
                long at = e.getOccurredAt().toEpochMilli();
                aggregates.minutes.received(at, now);
                int d = aggregates.days.slot(at, now);
                if (d >= 0) {
                    aggregates.days.received[d]++;
                }
            }
        } else if (event instanceof ComplaintContactAdded e) {
            file(e.getComplaintId()).contactAdded(e);
        } else if (event instanceof ComplaintAcknowledged e) {
            CaseFile file = file(e.getComplaintId());
            boolean first = file.acknowledgedAt == null || e.getRound() > file.round;
            file.acknowledged(e);
            if (first && e.getRound() == file.round) {
                long at = e.getOccurredAt().toEpochMilli();
                aggregates.minutes.acknowledged(at, now, e.getCause(), e.getAnger());
                if (file.receivedAt > 0) {
                    aggregates.toAcknowledged.add(at, at - file.receivedAt, now);
                }
            }
        } else if (event instanceof AcknowledgementApproved e) {
            file(e.getComplaintId()).acknowledgementApproved(e);
        } else if (event instanceof RemedyOffered e) {
            CaseFile file = file(e.getComplaintId());
            boolean first = file.firstOfferedAt == null || e.getRound() > file.round;
            file.offered(e);
            if (first && e.getRound() == file.round && file.receivedAt > 0) {
                long at = e.getOccurredAt().toEpochMilli();
                aggregates.toOffered.add(at, at - file.receivedAt, now);
            }
        } else if (event instanceof RemedyResponded e) {
            file(e.getComplaintId()).responded(e);
        } else if (event instanceof RemedyApprovalDecided e) {
            file(e.getComplaintId()).approvalDecided(e);
        } else if (event instanceof RemedyFulfilled e) {
            file(e.getComplaintId()).fulfilled(e);
        } else if (event instanceof ComplaintResolved e) {
            resolved(e, now);
        } else if (event instanceof FollowUpDue e) {
            file(e.getComplaintId()).followUpDue(e);
        } else if (event instanceof FollowUpCompleted e) {
            file(e.getComplaintId()).followUpCompleted(e);
        } else if (event instanceof CustomerNotified e) {
            file(e.getComplaintId()).notified(e);
            int d = aggregates.days.slot(e.getOccurredAt().toEpochMilli(), now);
            // refused for good; a message suppressed for a do-not-contact customer is not a failure
            if (e.getOutcome() == NotificationOutcome.REJECTED && d >= 0) {
                aggregates.days.mailsRefused[d]++;
            }
        } else if (event instanceof PreventionActionProposed e) {
            prevention.put(e.getRootCause(), new DashboardViews.Prevention(
                    e.getActionId(), e.getRootCause().name(), e.getOccurredAt().toEpochMilli(), e.getOccurrences(),
                    e.getWindowDays(), e.getExampleComplaintIds().stream().map(Object::toString).limit(10).toList(),
                    CaseFile.cut(e.getProposal(), CaseFile.MAX_TEXT), CaseFile.cut(e.getOwner(), CaseFile.MAX_LINE)));
        } else {
            version--;
        }
        while (cases.size() > properties.maxComplaints()) {
            Iterator<CaseFile> eldest = cases.values().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    private void resolved(ComplaintResolved e, long now) {
        CaseFile file = file(e.getComplaintId());
        boolean first = file.resolution == null || e.getRound() > file.round;
        file.resolved(e);
        if (!first || e.getRound() != file.round) {
            return;
        }
        long at = e.getOccurredAt().toEpochMilli();
        if (file.receivedAt > 0) {
            aggregates.toResolved.add(at, at - file.receivedAt, now);
        }
        int d = aggregates.days.slot(at, now);
        if (d < 0) {
            return;
        }
        aggregates.days.resolved[d]++;
        aggregates.days.rootCauses[d][e.getRootCause().ordinal()]++;
        String kind = e.getRemedy() == null ? "NONE" : e.getRemedy().getKind().name();
        String currency = e.getCost().getCurrency();
        Aggregates.MoneyCell cell = aggregates.days.money[d]
                .computeIfAbsent(kind + "|" + e.getCause() + "|" + currency, k -> new Aggregates.MoneyCell());
        cell.count++;
        cell.cost = cell.cost.add(e.getCost().getAmount());
        // the estimate remedy weighed when it made the offer that was agreed (if the case is still kept)
        String offerId = e.getRemedy() == null ? null : e.getRemedy().getOfferId();
        file.offers.stream().filter(o -> o.offerId().equals(offerId) && o.costOfInaction() != null
                        && o.costOfInaction().currency().equals(currency)).findFirst()
                .ifPresent(o -> {
                    cell.inaction = cell.inaction.add(o.costOfInaction().amount());
                    cell.inactionKnown++;
                });
    }

    /**
     * An erased customer's case files hold their free text (subject, description, comments): the dashboard forgets
     * them (docs/privacy.md). The counts over time keep what they counted: they hold no personal data.
     */
    private void erased(CustomerErased e) {
        long at = e.getOccurredAt().toEpochMilli();
        erasedCustomers.put(e.getCustomerId(), at);
        Iterator<CaseFile> files = cases.values().iterator();
        while (files.hasNext()) {
            CaseFile file = files.next();
            if (e.getCustomerId().equals(file.customerId) && file.receivedAt <= at) {
                erasedComplaints.put(file.complaintId, Boolean.TRUE);
                files.remove();
            }
        }
    }

    private boolean isErased(ComplaintReceived e) {
        Long erasedAt = erasedCustomers.get(e.getCustomer().getId());
        return erasedAt != null && e.getOccurredAt().toEpochMilli() <= erasedAt;
    }

    private static String complaintIdOf(SpecificRecord event) {
        var field = event.getSchema().getField("complaintId");
        return field == null ? "" : String.valueOf(event.get(field.pos()));
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    private CaseFile file(String complaintId) {
        CaseFile file = cases.remove(complaintId); // re-inserted: the touched complaint becomes the youngest
        if (file == null) {
            file = new CaseFile(complaintId);
        }
        cases.put(complaintId, file);
        return file;
    }

    /** Drops closed complaints past the grace and any past max-idle. */
    synchronized void sweep(long now) {
        long closedBefore = now - properties.closedGrace().toMillis();
        long idleBefore = now - properties.maxIdle().toMillis();
        boolean removed = cases.values().removeIf(f -> f.lastEventAt < idleBefore
                || f.closedAt != null && f.closedAt < closedBefore);
        aggregates.toAcknowledged.dropBefore(now - Aggregates.DAY);
        aggregates.toOffered.dropBefore(now - Aggregates.DAY);
        aggregates.toResolved.dropBefore(now - Aggregates.DAY);
        if (removed) {
            version++;
        }
    }

    synchronized void deadLetters(Map<String, Long> counts) {
        if (!counts.equals(deadLetters)) {
            deadLetters.clear();
            deadLetters.putAll(counts);
            version++;
        }
    }

    /** The groups' lag as last read; {@code null} (not read this time) keeps the previous figures. */
    synchronized void consumerLag(Map<String, Long> lags) {
        if (lags != null && !lags.equals(consumerLag)) {
            consumerLag.clear();
            consumerLag.putAll(lags);
            version++;
        }
    }

    synchronized int size() {
        return cases.size();
    }

    // ---------------------------------------------------------------- views

    record Filter(String stage, String cause, String anger, Boolean reviewNeeded, Boolean repeat) {
        Predicate<CaseFile> predicate() {
            return f -> (stage == null || stage.equals(f.stage.name()))
                    && (cause == null || cause.equals(f.cause))
                    && (anger == null || anger.equals(f.anger))
                    && (reviewNeeded == null || reviewNeeded == f.reviewNeeded)
                    && (repeat == null || repeat == (f.complaintsLast12Months > 1));
        }
    }

    private static final Comparator<CaseFile> QUEUE_ORDER = Comparator
            .comparing((CaseFile f) -> f.shownPriority() == null ? "P9" : f.shownPriority())
            .thenComparing(f -> f.acknowledgeBy == null ? Long.MAX_VALUE : f.acknowledgeBy)
            .thenComparing(f -> f.receivedAt);

    synchronized DashboardViews.Queue queue(Filter filter, long now) {
        List<CaseFile> open = new ArrayList<>();
        for (CaseFile f : cases.values()) {
            if (f.open() && filter.predicate().test(f)) {
                open.add(f);
            }
        }
        open.sort(QUEUE_ORDER);
        return new DashboardViews.Queue(now, properties.acknowledgementNear().toMillis(), open.size(),
                open.stream().limit(properties.listSize()).map(DashboardViews.QueueRow::of).toList());
    }

    synchronized Optional<DashboardViews.Complaint> complaint(String complaintId) {
        CaseFile file = cases.get(complaintId);
        if (file == null) {
            return Optional.empty();
        }
        String root = file.resolution != null ? file.resolution.rootCause() : file.suspectedRootCause;
        DashboardViews.Prevention linked = root == null ? null : prevention.get(RootCause.valueOf(root));
        return Optional.of(DashboardViews.Complaint.of(file, linked));
    }

    synchronized DashboardViews.Overview overview(long now) {
        Map<String, Integer> byStage = new LinkedHashMap<>();
        for (CaseFile.Stage s : CaseFile.Stage.values()) {
            byStage.put(s.name(), 0);
        }
        int open = 0;
        int review = 0;
        int hostile = 0;
        int abuse = 0;
        int overdue = 0;
        List<CaseFile> awaiting = new ArrayList<>();
        List<DashboardViews.FollowUpRow> followUps = new ArrayList<>();
        List<DashboardViews.PromiseRow> promises = new ArrayList<>();
        for (CaseFile f : cases.values()) {
            byStage.merge(f.stage.name(), 1, Integer::sum);
            if (f.open()) {
                open++;
                review += f.reviewNeeded ? 1 : 0;
                hostile += Anger.HOSTILE.name().equals(f.anger) ? 1 : 0;
                abuse += Cause.SUSPECTED_ABUSE.name().equals(f.cause) ? 1 : 0;
                overdue += f.acknowledgeBy != null && f.acknowledgeBy < now ? 1 : 0;
            }
            if (f.stage == CaseFile.Stage.OFFERED || f.stage == CaseFile.Stage.AWAITING_APPROVAL) {
                awaiting.add(f);
            }
            if (f.stage == CaseFile.Stage.AGREED && f.fulfillment == null && f.currentOffer() != null) {
                CaseFile.Offer o = f.currentOffer();
                promises.add(new DashboardViews.PromiseRow(f.complaintId, f.subject, o.kind(), o.deliverBy(),
                        o.deliverBy() < now));
            }
            for (CaseFile.FollowUp u : f.followUps) {
                if (u.open) {
                    followUps.add(new DashboardViews.FollowUpRow(f.complaintId, f.subject, u.kind, u.dueAt, u.reason));
                }
            }
        }
        int limit = properties.listSize();
        awaiting.sort(Comparator.comparingLong(f -> f.stage == CaseFile.Stage.AWAITING_APPROVAL
                && f.currentOffer().approvalDueBy() != null ? f.currentOffer().approvalDueBy() : f.currentOffer().expiresAt()));
        followUps.sort(Comparator.comparingLong(DashboardViews.FollowUpRow::dueAt));
        promises.sort(Comparator.comparingLong(DashboardViews.PromiseRow::deliverBy));
        long today = Math.floorDiv(now, Aggregates.DAY);
        int receivedToday = aggregates.days.held(today) < 0 ? 0 : aggregates.days.received[aggregates.days.held(today)];
        int resolvedToday = aggregates.days.held(today) < 0 ? 0 : aggregates.days.resolved[aggregates.days.held(today)];
        int refusedToday = aggregates.days.held(today) < 0 ? 0 : aggregates.days.mailsRefused[aggregates.days.held(today)];
        long deadLetterTotal = deadLetters.values().stream().mapToLong(Long::longValue).sum();
        var counters = new DashboardViews.Counters(open, byStage, review, hostile, abuse, overdue, receivedToday,
                resolvedToday, awaiting.size(), followUps.size(), promises.size(), deadLetterTotal, cases.size(),
                refusedToday);
        return new DashboardViews.Overview(now, version, properties.acknowledgementNear().toMillis(), counters,
                flow(now), mix(now), money(now), fixItTwice(now),
                awaiting.stream().limit(limit).map(DashboardViews.OfferRow::of).toList(),
                followUps.stream().limit(limit).toList(), promises.stream().limit(limit).toList(),
                DashboardViews.BOUNDS);
    }

    private DashboardViews.Flow flow(long now) {
        long thisMinute = Math.floorDiv(now, Aggregates.MINUTE);
        int n = 60;
        long[] minutes = new long[n];
        int[] received = new int[n];
        for (int i = 0; i < n; i++) {
            long m = thisMinute - (n - 1) + i;
            minutes[i] = m * Aggregates.MINUTE;
            received[i] = aggregates.minutes.receivedIn(m);
        }
        List<DashboardViews.Latency> latencies = List.of(
                latency("received → acknowledged", aggregates.toAcknowledged, now),
                latency("received → offered", aggregates.toOffered, now),
                latency("received → resolved", aggregates.toResolved, now));
        return new DashboardViews.Flow(minutes, received, latencies, new TreeMap<>(deadLetters),
                new TreeMap<>(consumerLag));
    }

    private static DashboardViews.Latency latency(String stage, Aggregates.Samples samples, long now) {
        long[] hour = samples.percentiles(now - 3_600_000L);
        long[] day = samples.percentiles(now - Aggregates.DAY);
        return new DashboardViews.Latency(stage, hour[0], hour[1], hour[2], day[0], day[1], day[2]);
    }

    /** Causes and anger of the acknowledged complaints per hour, the last 24 hours. */
    private DashboardViews.Mix mix(long now) {
        int hours = 24;
        long thisHour = Math.floorDiv(now, 3_600_000L);
        long[] starts = new long[hours];
        Map<String, int[]> causes = new LinkedHashMap<>();
        for (Cause c : Cause.values()) {
            causes.put(c.name(), new int[hours]);
        }
        Map<String, int[]> angers = new LinkedHashMap<>();
        for (Anger a : Anger.values()) {
            angers.put(a.name(), new int[hours]);
        }
        for (int h = 0; h < hours; h++) {
            starts[h] = (thisHour - (hours - 1) + h) * 3_600_000L;
        }
        Aggregates.Minutes m = aggregates.minutes;
        for (int i = 0; i < Aggregates.MINUTES; i++) {
            long hour = Math.floorDiv(m.minute[i] * Aggregates.MINUTE, 3_600_000L);
            int h = (int) (hour - (thisHour - (hours - 1)));
            if (h < 0 || h >= hours || m.minute[i] == 0) {
                continue;
            }
            for (Cause c : Cause.values()) {
                causes.get(c.name())[h] += m.causes[i][c.ordinal()];
            }
            for (Anger a : Anger.values()) {
                angers.get(a.name())[h] += m.angers[i][a.ordinal()];
            }
        }
        return new DashboardViews.Mix(starts, causes, angers);
    }

    /** Remedy cost by kind and cause for today, this ISO week and this calendar month (UTC). */
    private DashboardViews.Money money(long now) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        Map<String, LocalDate> periods = new LinkedHashMap<>();
        periods.put("today", today);
        periods.put("week", today.with(DayOfWeek.MONDAY));
        periods.put("month", today.withDayOfMonth(1));
        List<DashboardViews.MoneyRow> rows = new ArrayList<>();
        periods.forEach((period, from) -> {
            Map<String, Aggregates.MoneyCell> sum = new TreeMap<>();
            for (long d = from.toEpochDay(); d <= today.toEpochDay(); d++) {
                int i = aggregates.days.held(d);
                if (i < 0) {
                    continue;
                }
                aggregates.days.money[i].forEach((key, cell) -> {
                    Aggregates.MoneyCell total = sum.computeIfAbsent(key, k -> new Aggregates.MoneyCell());
                    total.count += cell.count;
                    total.cost = total.cost.add(cell.cost);
                    total.inaction = total.inaction.add(cell.inaction);
                    total.inactionKnown += cell.inactionKnown;
                });
            }
            sum.forEach((key, cell) -> {
                String[] parts = key.split("\\|");
                rows.add(new DashboardViews.MoneyRow(period, parts[0], parts[1], parts[2], cell.count, cell.cost,
                        cell.inactionKnown == 0 ? null : cell.inaction, cell.inactionKnown));
            });
        });
        return new DashboardViews.Money(rows);
    }

    /** Root causes of the complaints resolved in the last 30 days, most frequent first, and the actions proposed. */
    private DashboardViews.FixItTwice fixItTwice(long now) {
        int[] counts = new int[RootCause.values().length];
        long today = Math.floorDiv(now, Aggregates.DAY);
        for (long d = today - 29; d <= today; d++) {
            int i = aggregates.days.held(d);
            if (i >= 0) {
                for (int r = 0; r < counts.length; r++) {
                    counts[r] += aggregates.days.rootCauses[i][r];
                }
            }
        }
        List<DashboardViews.RootCauseCount> top = new ArrayList<>();
        for (RootCause r : RootCause.values()) {
            if (counts[r.ordinal()] > 0) {
                top.add(new DashboardViews.RootCauseCount(r.name(), counts[r.ordinal()],
                        prevention.containsKey(r) ? prevention.get(r).actionId() : null));
            }
        }
        top.sort(Comparator.comparingInt(DashboardViews.RootCauseCount::resolvedLast30Days).reversed());
        List<DashboardViews.Prevention> actions = new ArrayList<>(prevention.values());
        actions.sort(Comparator.comparingLong(DashboardViews.Prevention::proposedAt).reversed());
        return new DashboardViews.FixItTwice(top, actions);
    }

    static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
