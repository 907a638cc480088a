package com.makeitright.followup.insights;

import com.makeitright.events.Anger;
import com.makeitright.events.Cause;
import com.makeitright.events.Channel;
import com.makeitright.events.FollowUpKind;
import com.makeitright.events.ResolutionOutcome;
import com.makeitright.events.RootCause;
import com.makeitright.followup.prevention.PreventionQueries;
import com.makeitright.followup.schedule.ComplaintFile;
import com.makeitright.followup.schedule.CustomerContact;
import com.makeitright.followup.schedule.FollowUp;
import com.makeitright.followup.schedule.FollowUpQueries;
import com.makeitright.followup.schedule.FollowUpState;
import com.makeitright.followup.schedule.Resolution;
import com.makeitright.followup.schedule.SatisfactionAnswer;
import com.makeitright.platform.ProblemDetailsAdvice;
import com.makeitright.platform.instances.Instances;
import com.makeitright.platform.instances.InstancesProperties;
import com.makeitright.platform.instances.InstancesUnavailable;
import com.makeitright.platform.instances.StoreReads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.mockito.Mockito.when;

/** The insights endpoint's JSON and its error when the stores cannot be read (queries stubbed). */
@WebFluxTest(InsightsController.class)
@Import({ProblemDetailsAdvice.class, InsightsControllerTest.FixedClock.class, InsightsControllerTest.Alone.class})
class InsightsControllerTest {

    static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");

    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    /** One instance alone, whose stores (stubbed) hold the one partition. */
    static class Alone {
        @Bean
        Instances instances(StoreReads stores) {
            return new Instances(null, new InstancesProperties(null, Duration.ofSeconds(3)), stores, new JsonMapper());
        }
    }

    @Autowired
    WebTestClient http;
    @MockitoBean
    FollowUpQueries followUps;
    @MockitoBean
    PreventionQueries prevention;
    @MockitoBean
    StoreReads stores;

    @BeforeEach
    void onePartition() {
        when(stores.partitions()).thenReturn(1);
    }

    static <V> StoreReads.Values<V> held(String store, List<V> values) {
        return new StoreReads.Values<>(store, new TreeSet<>(Set.of(0)), values);
    }

    static FollowUp followUp(String complaintId, FollowUpKind kind, FollowUpState state, Instant dueAt,
                             SatisfactionAnswer answer) {
        return new FollowUp(complaintId, kind, 1, kind == FollowUpKind.SATISFACTION_CHECK ? null : "o-" + complaintId,
                dueAt, "e-1", "reason of " + complaintId, state, state == FollowUpState.SCHEDULED ? null : dueAt,
                null, null, null, null, answer);
    }

    @Test
    void showsOpenEscalationsOldestFirstAndTheFiguresAroundThem() {
        when(followUps.followUps()).thenReturn(held("checks", List.of(
                followUp("c-late", FollowUpKind.APPROVAL_OVERDUE, FollowUpState.FIRED, NOW.minusSeconds(60), null),
                followUp("c-breach", FollowUpKind.PROMISE_BREACHED, FollowUpState.FIRED, NOW.minusSeconds(3600), null),
                followUp("c-cleared", FollowUpKind.PROMISE_BREACHED, FollowUpState.CLEARED, NOW.minusSeconds(7200), null),
                followUp("c-next", FollowUpKind.SATISFACTION_CHECK, FollowUpState.SCHEDULED, NOW.plusSeconds(60), null),
                followUp("c-happy", FollowUpKind.SATISFACTION_CHECK, FollowUpState.ANSWERED, NOW.minusSeconds(600),
                        new SatisfactionAnswer(true, 5, "Thanks", false, NOW, "e-2")),
                followUp("c-unhappy", FollowUpKind.SATISFACTION_CHECK, FollowUpState.ANSWERED, NOW.minusSeconds(600),
                        new SatisfactionAnswer(false, 2, "Broke again", true, NOW, "e-3")))));
        when(followUps.complaints()).thenReturn(held("files", List.of(
                new ComplaintFile("c-breach", "C-1", new CustomerContact("Dana Reyes", "d@example.com", null,
                        Channel.EMAIL), 1, Cause.OUR_ERROR, Anger.ANGRY, RootCause.PACKING_ERROR, null, List.of(), Map.of(), null),
                new ComplaintFile("c-happy", "C-2", null, 1, Cause.MISUNDERSTANDING, Anger.CALM, RootCause.OTHER,
                        new Resolution(1, ResolutionOutcome.REMEDY_DELIVERED, Cause.MISUNDERSTANDING, Anger.CALM,
                                RootCause.UNCLEAR_POLICY, NOW, false), List.of(1), Map.of(), null))));
        when(prevention.actions()).thenReturn(held("actions", List.of()));

        http.get().uri("/api/insights").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.escalations.length()").isEqualTo(2)
                .jsonPath("$.escalations[0].complaintId").isEqualTo("c-breach")
                .jsonPath("$.escalations[0].kind").isEqualTo("PROMISE_BREACHED")
                .jsonPath("$.escalations[0].customerName").isEqualTo("Dana Reyes")
                .jsonPath("$.escalations[0].dueAt").isEqualTo("2026-03-05T11:00:00Z")
                .jsonPath("$.escalations[0].reason").isEqualTo("reason of c-breach")
                .jsonPath("$.escalations[1].kind").isEqualTo("APPROVAL_OVERDUE")
                .jsonPath("$.followUps.scheduled").isEqualTo(1)
                .jsonPath("$.followUps.escalationsCleared").isEqualTo(1)
                .jsonPath("$.followUps.nextDue[0].complaintId").isEqualTo("c-next")
                .jsonPath("$.satisfaction.answered").isEqualTo(2)
                .jsonPath("$.satisfaction.averageScore").isEqualTo(3.5)
                .jsonPath("$.satisfaction.shareSatisfied").isEqualTo(0.5)
                .jsonPath("$.satisfaction.reopened").isEqualTo(1)
                .jsonPath("$.complaints.total").isEqualTo(2)
                .jsonPath("$.complaints.resolved").isEqualTo(1)
                .jsonPath("$.complaints.byCause.OUR_ERROR").isEqualTo(1)
                .jsonPath("$.complaints.byAnger.ANGRY").isEqualTo(1)
                .jsonPath("$.complaints.byRootCause.UNCLEAR_POLICY").isEqualTo(1)
                .jsonPath("$.generatedAt").isEqualTo("2026-03-05T12:00:00Z");
    }

    @Test
    void answersServiceUnavailableAsProblemJsonWhileTheStoresCannotBeRead() {
        when(followUps.followUps()).thenThrow(new InstancesUnavailable("the stream application is rebalancing",
                null));

        http.get().uri("/api/insights").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("Not available right now (the stream application is rebalancing)"));
    }

    @Test
    void answersServiceUnavailableWhileAPartitionIsServedByNoInstance() {
        when(stores.partitions()).thenReturn(2); // the stubbed stores hold partition 0 only: 1 is moving
        when(followUps.followUps()).thenReturn(held("checks", List.of()));
        when(followUps.complaints()).thenReturn(held("files", List.of()));
        when(prevention.actions()).thenReturn(held("actions", List.of()));

        http.get().uri("/api/insights").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody()
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("partition 1 of actions was held by no instance"));
    }
}
