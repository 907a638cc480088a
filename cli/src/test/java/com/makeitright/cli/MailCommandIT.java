package com.makeitright.cli;

import com.makeitright.cli.mail.MailServer;
import com.makeitright.cli.mail.ReceivedMail;
import com.makeitright.cli.stack.Component;
import com.makeitright.cli.stack.LocalStack;
import com.makeitright.cli.stack.Ports;
import com.makeitright.cli.stack.ProcessStatus;
import com.makeitright.cli.stack.StackConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./complaints mail} against the real mail server of the local stack: GreenMail standalone started by
 * {@link LocalStack} as its own process (the jar the build copied), fed over SMTP like the worker feeds it, then read
 * through its REST API by the command; {@code status} and {@code stop} know the process.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailCommandIT {

    /** Static: a per-class instance's @TempDir field is not yet set when @BeforeAll runs. */
    @TempDir
    static Path runDir;

    private LocalStack stack;
    private StackConfig config;

    @BeforeAll
    void startTheMailServer() throws Exception {
        config = StackConfig.builder(repositoryRoot()).runDir(runDir).port(Component.MAIL, Ports.freePort())
                .mailApiPort(Ports.freePort()).build();
        stack = new LocalStack(config, Map.of("COMPLAINTS_CDS", "off")); // a fresh directory: no archive to map
        stack.start(Component.MAIL);

        send("dana@customers.test", "<c-1.1.acknowledgement.round-1@make-it-right>",
                "We are sorry about <script>", "Dear Dana,\n\nWe are sorry.\nYour case reference: c-1\n", null);
        send("lee@customers.test", "<c-2.1.offer.o-9@make-it-right>", "What we can do about the chair (case c-2)",
                "Dear Lee,\n\nA refund of 12.00 USD.\n\n  Yes, please:  http://localhost:8080/customer/answer?token=a.b\n"
                        + "  No, thank you: http://localhost:8080/customer/answer?token=c.d\n",
                "<p>Dear Lee</p><a href=\"http://localhost:8080/customer/answer?token=a.b\">Yes</a>"
                        + "<a href=\"http://localhost:8080/customer/answer?token=e.f&amp;x=1\">Else</a>");
        send("Dana@customers.test", "<c-1.1.offer.o-7@make-it-right>", "What we can do about the lamp (case c-1)",
                "Dear Dana,\n\nA replacement.\n  Yes, please:  http://localhost:8080/customer/answer?token=g.h\n", null);
    }

    @AfterAll
    void stopTheMailServer() {
        if (stack != null) {
            stack.stop(Component.MAIL);
            assertThat(stack.process(Component.MAIL).running()).isEmpty();
        }
    }

    @Test
    void listsEveryMailNewestLastWithItsFirstLinesAndLinks() {
        assertThat(stack.status(Component.MAIL).health()).isEqualTo(ProcessStatus.Health.UP);

        Run run = mail();

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 messages, newest last.")
                .contains("to dana@customers.test  ACKNOWLEDGEMENT for c-1")
                .contains("  subject: We are sorry about <script>")
                .contains("  | Dear Dana,\n  | We are sorry.\n  | Your case reference: c-1\n")
                .contains("to lee@customers.test  OFFER for c-2")
                .contains("    http://localhost:8080/customer/answer?token=a.b\n"
                        + "    http://localhost:8080/customer/answer?token=c.d\n"
                        + "    http://localhost:8080/customer/answer?token=e.f&x=1\n");
        // the server stamps mail to the second: within one second, one recipient's mails keep their order
        assertThat(run.out().indexOf("ACKNOWLEDGEMENT for c-1")).as("oldest first")
                .isLessThan(run.out().indexOf("the lamp"));
        assertThat(stack.process(Component.MAIL).logTail(50)).as("no recipient in the mail server's log (#12)")
                .noneMatch(line -> line.contains("@customers.test"))
                .anyMatch(line -> line.contains("Starting GreenMail API server"));
    }

    /** Last: it empties the server the other tests read. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aPurgeEmptiesTheServerAndMailStillArrivesAfterIt() throws Exception {
        MailServer server = new MailServer(config.mailApiUrl());
        assertThat(server.received()).isNotEmpty();

        server.purge();

        assertThat(server.received()).isEmpty();
        send("kim@customers.test", "<c-3.1.acknowledgement.round-1@make-it-right>", "We hear you", "Dear Kim,\n", null);
        assertThat(server.received()).extracting(ReceivedMail::to).containsExactly("kim@customers.test");
    }

    /** What {@code simulate --via-mail} reads: one customer's mailbox, none yet for an address nothing came to. */
    @Test
    void oneMailboxIsReadAloneAndAnAddressWithoutMailHasNone() throws Exception {
        MailServer server = new MailServer(config.mailApiUrl());

        assertThat(server.receivedBy("lee@customers.test")).singleElement().satisfies(mail -> {
            assertThat(mail.complaintId()).isEqualTo("c-2");
            assertThat(mail.links()).hasSize(3);
        });
        assertThat(server.receivedBy("nobody-yet@customers.test")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MailServer("http://127.0.0.1:" + Ports.freePort())
                .receivedBy("lee@customers.test")).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void filtersByRecipientAndComplaintAndPrintsJson() {
        Run toDana = mail("--to", "DANA@customers.test");
        Run aboutC2 = mail("--complaint", "c-2", "--json");
        Run nothing = mail("--complaint", "c-404");

        assertThat(toDana.out()).contains("2 messages").doesNotContain("lee@");
        assertThat(nothing.out()).isEqualTo("0 messages, newest last.\n");
        JsonNode json = JsonMapper.builder().build().readTree(aboutC2.out());
        assertThat(json.size()).isEqualTo(1);
        JsonNode offer = json.get(0);
        assertThat(offer.path("to").asString()).isEqualTo("lee@customers.test");
        assertThat(offer.path("complaintId").asString()).isEqualTo("c-2");
        assertThat(offer.path("kind").asString()).isEqualTo("OFFER");
        assertThat(offer.path("messageId").asString()).isEqualTo("<c-2.1.offer.o-9@make-it-right>");
        assertThat(offer.path("links").size()).isEqualTo(3);
        assertThat(offer.path("firstLines").get(0).asString()).isEqualTo("Dear Lee,");
        assertThat(offer.path("text").asString()).contains("A refund of 12.00 USD.");
        assertThat(offer.path("date").asString()).isNotEmpty();
    }

    @Test
    void aMailServerThatDoesNotAnswerIsSaidPlainly() {
        Run run = run("mail", "--run-dir", runDir.toString(), "--mail-api-port", String.valueOf(Ports.freePort()));

        assertThat(run.exit()).isEqualTo(ComplaintsCommand.FAILED);
        assertThat(run.err()).contains("The local mail server does not answer at http://127.0.0.1:",
                "./complaints up starts it");
    }

    private Run mail(String... filters) {
        String[] args = new String[filters.length + 5];
        args[0] = "mail";
        args[1] = "--run-dir";
        args[2] = runDir.toString();
        args[3] = "--mail-api-port";
        args[4] = String.valueOf(config.mailApiPort());
        System.arraycopy(filters, 0, args, 5, filters.length);
        return run(args);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = ComplaintsCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    record Run(int exit, String out, String err) {
    }

    /** Over SMTP with a fixed Message-ID, as the worker sends; multipart text + HTML when {@code html} is given. */
    private void send(String to, String messageId, String subject, String text, String html) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(config.port(Component.MAIL)));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        MimeMessage message = new MimeMessage(Session.getInstance(props)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("care@localhost"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html, "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", plain, rich));
        }
        Transport.send(message);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}
