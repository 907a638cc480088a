package com.makeitright.system;

import com.makeitright.cli.stack.Component;
import com.makeitright.contract.Topics;
import com.makeitright.testing.ComplaintRequest;
import com.makeitright.testing.Events;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operations dashboard in a real browser (headless Chromium driven by Selenium through Debian's chromedriver)
 * on the run's one stack: complaints posted through intake's API appear in the queue and the counters without a
 * reload, a passed acknowledgement deadline turns red, a complaint's page shows its timeline, triage's signals and
 * remedy's reasoning, and a subject made of HTML shows as text. One browser session for the class; screenshots in
 * {@code system-tests/target/dashboard/}. Skipped where no Chromium and chromedriver are installed, except on CI
 * ({@code CI} set), where {@code .ci/run} installs them and a skip would hide a broken page.
 */
@ExtendWith(SystemStack.class)
@ResourceLock(value = SystemStack.LOCK, mode = ResourceAccessMode.READ)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String XSS_SUBJECT = "<img src=x onerror=alert(1)>";
    private static final Path SCREENSHOTS = Path.of("target", "dashboard");

    private static ChromeDriver browser;
    private static String board;

    @BeforeAll
    static void openTheBoard(SystemStack system) throws IOException {
        long start = System.nanoTime();
        browser = chromium();
        board = "http://localhost:" + system.port(Component.FOLLOWUP) + "/";
        browser.get(board);
        enterViewerKeyIfAsked(system);
        await().atMost(PATIENCE).until(() -> "live".equals(status().getAttribute("data-state")));
        // a figure for the record, not an assertion: what one browser session costs the run
        System.out.printf("dashboard: browser started and page live in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void complaintsPostedThroughTheApiAppearLiveAndTheirTextStaysText(SystemStack system) throws IOException {
        // "live" comes with the stream's connection, the counters with the first overview read after it
        int receivedBefore = await().atMost(PATIENCE).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> counter("received-today"), n -> n >= 0);
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        Helpdesk helpdesk = new Helpdesk(system.intake());
        String plain = helpdesk.submit(ComplaintRequest.aComplaint());
        String xss = helpdesk.submit(ComplaintRequest.aComplaint().withSubject(XSS_SUBJECT));
        long posted = System.nanoTime();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> queueRow(xss) != null);
        // for the record, not asserted: intake's 202 → topic → read model → SSE → fetch → row (±50 ms of polling)
        System.out.printf("dashboard: complaint in the queue %d ms after intake's 202%n",
                (System.nanoTime() - posted) / 1_000_000);
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(WebDriverException.class).until(() -> queueRow(plain) != null);
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> counter("received-today") >= receivedBefore + 2);

        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
                .as("updated without a reload").isEqualTo(true);
        // the rows are redrawn with every change: read the cell as one script, not across redraws
        assertThat(((JavascriptExecutor) browser).executeScript("return document.querySelector("
                + "\"#queue tbody tr[data-id='" + xss + "'] td:nth-child(3)\").textContent;")).isEqualTo(XSS_SUBJECT);
        assertThat(browser.findElements(By.cssSelector("#queue img"))).as("no markup from a subject").isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        // tables sort from the keyboard: Enter on a column's header
        browser.findElement(By.cssSelector("#queue th[data-key='subject'] button")).sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.cssSelector("#queue th[data-key='subject']")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        screenshot("1-queue");
    }

    @Test
    @Order(2)
    void anAcknowledgementDeadlineTurnsRedWhenItPasses(SystemStack system) throws IOException {
        // triage sets deadlines of hours on this stack (shared by every test of the run): this acknowledgement,
        // written to the topic as triage writes it (Avro, single-object encoding), gives a complaint a deadline
        // seconds away. No ComplaintReceived: triage would acknowledge it again with its own deadline.
        String complaintId = "dash-" + Events.newId();
        Instant deadline = Instant.now().plusSeconds(4);
        system.kafka().publish(Topics.COMPLAINTS_ACKNOWLEDGED, complaintId, Events.acknowledged(complaintId)
                .setAcknowledgeBy(deadline).build());

        String first = await().atMost(PATIENCE).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> deadlineCell(complaintId).getAttribute("data-state"), state -> state != null);
        assertThat(first).as("a deadline seconds away is near").isIn("near", "past");
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(WebDriverException.class)
                .until(() -> deadlineCell(complaintId).getAttribute("data-state"), "past"::equals);
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(WebDriverException.class).untilAsserted(() -> {
            WebElement past = deadlineCell(complaintId);
            assertThat(past.getAttribute("class")).contains("past");
            assertThat(past.getText()).startsWith("overdue");
            assertThat(past.getCssValue("background-color")).as("red").isEqualTo("rgba(251, 211, 208, 1)");
        });
        screenshot("2-deadline-passed");
    }

    @Test
    @Order(3)
    void aComplaintsPageShowsItsTimelineSignalsAndOfferReasoning(SystemStack system) throws IOException {
        browser.get(board);
        Helpdesk helpdesk = new Helpdesk(system.intake());
        String complaintId = helpdesk.submit(ComplaintRequest.aComplaint());
        helpdesk.awaitStage(complaintId, "OFFERED", "AWAITING_APPROVAL");

        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(WebDriverException.class).untilAsserted(() ->
                queueRow(complaintId).findElement(By.cssSelector("a[href^='#/complaints/']"))
                        .sendKeys(Keys.ENTER)); // from the keyboard, as an agent would

        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(WebDriverException.class).untilAsserted(() -> {
            assertThat(browser.findElement(By.id("complaint-title")).getText()).contains(complaintId);
            List<String> events = browser.findElements(By.cssSelector("#timeline tbody tr td:nth-child(2)")).stream()
                    .map(WebElement::getText).toList();
            assertThat(events).contains("ComplaintReceived", "ComplaintAcknowledged", "RemedyOffered");
            assertThat(browser.findElements(By.cssSelector("#signals tbody tr td q")))
                    .as("signals with quoted evidence").isNotEmpty();
            assertThat(browser.findElement(By.cssSelector(".offer .reasoning")).getText()).isNotBlank();
            assertThat(browser.findElements(By.cssSelector(".offer table tbody tr td")))
                    .as("the figures remedy weighed").hasSizeGreaterThanOrEqualTo(3);
        });
        screenshot("3-complaint");

        browser.findElement(By.linkText("← Back to the board")).click();
        await().atMost(PATIENCE).until(() -> browser.findElement(By.id("board")).isDisplayed());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static WebElement status() {
        return browser.findElement(By.id("status"));
    }

    private static WebElement queueRow(String complaintId) {
        return browser.findElement(By.cssSelector("#queue tbody tr[data-id='" + complaintId + "']"));
    }

    private static WebElement deadlineCell(String complaintId) {
        return queueRow(complaintId).findElement(By.cssSelector("td.deadline"));
    }

    private static int counter(String name) {
        return Integer.parseInt(browser.findElement(By.cssSelector("[data-counter='" + name + "'] .value")).getText());
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** When the service asks for a viewer key (access control on), the one the stack wrote for the role. */
    private static void enterViewerKeyIfAsked(SystemStack system) throws IOException {
        boolean asked = await().atMost(PATIENCE).until(() -> browser.findElement(By.id("key-dialog")).isDisplayed()
                || "live".equals(status().getAttribute("data-state")), done -> done)
                && browser.findElement(By.id("key-dialog")).isDisplayed();
        if (asked) {
            Path key = system.runDir().resolve("credentials").resolve("viewer");
            assertThat(key).as("the dashboard asks for a viewer key: the stack should have written one").exists();
            browser.findElement(By.id("key-input")).sendKeys(Files.readString(key).trim(), Keys.ENTER);
        }
    }

    private static ChromeDriver chromium() {
        Path chrome = firstExecutable("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = firstExecutable("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        String why = "no Chromium and chromedriver (Debian: apt-get install chromium chromium-driver)";
        if ((chrome == null || driver == null) && System.getenv("CI") != null) {
            fail(why + ": .ci/run should have installed them");
        }
        assumeTrue(chrome != null && driver != null, why);
        ChromeOptions options = new ChromeOptions().setBinary(chrome.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1400");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Path firstExecutable(String variable, String... candidates) {
        String configured = System.getenv(variable);
        return Stream.concat(Stream.ofNullable(configured), Stream.of(candidates)).map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
    }
}
