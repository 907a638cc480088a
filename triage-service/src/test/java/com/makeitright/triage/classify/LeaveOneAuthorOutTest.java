package com.makeitright.triage.classify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the leave-one-author-out report ({@link LeaveOneAuthorOut}) in every build and writes it to
 * {@code target/leave-one-author-out.txt}. The floors sit well below the measured figures (README): they catch a
 * collapse, they are not a target to tune to.
 */
class LeaveOneAuthorOutTest {

    /** Measured: see triage-service/README.md, "Measured accuracy". */
    static final double CAUSE_FLOOR = 0.80;
    static final double ANGER_FLOOR = 0.85;
    static final double ECE_CEILING = 0.10;

    @Test
    void eachAuthorLeftOutInTurn() throws Exception {
        List<LeaveOneAuthorOut.Outcome> raw = LeaveOneAuthorOut.run();
        List<LeaveOneAuthorOut.Outcome> calibrated = LeaveOneAuthorOut.calibrated(raw);
        double fitted = LeaveOneAuthorOut.fitTemperature(raw);
        String report = LeaveOneAuthorOut.report(raw, calibrated, TriageModel.causeTemperature(), fitted);
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/leave-one-author-out.txt"), report, StandardCharsets.UTF_8);

        assertThat(LeaveOneAuthorOut.meanCause(raw)).as("mean cause accuracy over authors").isGreaterThanOrEqualTo(CAUSE_FLOOR);
        assertThat(LeaveOneAuthorOut.meanAnger(raw)).as("mean anger accuracy over authors").isGreaterThanOrEqualTo(ANGER_FLOOR);
        assertThat(LeaveOneAuthorOut.expectedCalibrationError(calibrated)).as("ECE, calibrated").isLessThanOrEqualTo(ECE_CEILING);
        assertThat(TriageModel.causeTemperature()).as("shipped temperature (calibration.properties) against the one fitted now")
                .isCloseTo(fitted, org.assertj.core.data.Offset.offset(0.1));
    }
}
