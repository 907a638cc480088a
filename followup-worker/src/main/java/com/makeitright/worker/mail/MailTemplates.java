package com.makeitright.worker.mail;

import com.makeitright.platform.links.Placeholders;
import org.springframework.core.io.ResourceLoader;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The mail templates a team edits: for each {@link MailKind} three files in the configured directory,
 * {@code <kind>.subject.txt}, {@code <kind>.txt} and {@code <kind>.html}, with {@code {{placeholder}}}s. Loaded and
 * checked once at start-up (a missing file, an unknown placeholder or a missing required one stops the worker with
 * a message naming each), so a bad edit never reaches a customer. Values are inserted as text: escaped in the HTML
 * (a subject {@code <script>} shows as text), line breaks kept, and stripped of line breaks in the subject.
 */
public final class MailTemplates {

    private record Files(String subject, String text, String html) {
    }

    private final Map<MailKind, Files> templates = new EnumMap<>(MailKind.class);

    public MailTemplates(ResourceLoader loader, String location) {
        String base = location.endsWith("/") ? location : location + "/";
        List<String> problems = new ArrayList<>();
        for (MailKind kind : MailKind.values()) {
            String subject = TemplateFiles.read(loader, base + kind.fileStem() + ".subject.txt", problems);
            String text = TemplateFiles.read(loader, base + kind.fileStem() + ".txt", problems);
            String html = TemplateFiles.read(loader, base + kind.fileStem() + ".html", problems);
            if (subject == null || text == null || html == null) {
                continue;
            }
            TemplateFiles.check(kind.fileStem() + ".subject.txt", subject, kind::allows, List.of(), problems);
            List<String> body = new ArrayList<>(kind.common());
            body.addAll(kind.requiredInBody());
            TemplateFiles.check(kind.fileStem() + ".txt", text, kind::allows, body, problems);
            TemplateFiles.check(kind.fileStem() + ".html", html, kind::allows, body, problems);
            templates.put(kind, new Files(subject.strip(), text, html));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Mail templates in " + base + " are not usable:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** The mail of {@code kind} to {@code to}, every placeholder replaced by its value (missing values: empty). */
    public OutgoingMail render(MailKind kind, String to, String messageId, Map<String, String> values) {
        Files files = templates.get(kind);
        return new OutgoingMail(to, oneLine(fill(files.subject(), values, false)), fill(files.text(), values, false),
                fill(files.html(), values, true), messageId);
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        return Placeholders.fill(template, values, html);
    }

    /** A header holds one line: a value with a line break must not add headers. */
    private static String oneLine(String subject) {
        return subject.replaceAll("[\\r\\n\\t\\u0000-\\u001f]+", " ").strip();
    }
}
