package com.makeitright.worker.mail;

import com.makeitright.platform.links.Placeholders;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reading and checking a message template a team edits (the mails' and the SMS text's): each problem is added to a
 * list, so the start-up error names every one at once.
 */
public final class TemplateFiles {

    private TemplateFiles() {
    }

    /** The file's text, or null with a problem added when it is missing or unreadable. */
    public static String read(ResourceLoader loader, String location, List<String> problems) {
        Resource resource = loader.getResource(location);
        if (!resource.exists()) {
            problems.add(location + ": missing");
            return null;
        }
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(location + ": cannot be read (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Every placeholder {@code content} uses must be allowed, every required one used, and it must not be empty. */
    public static void check(String file, String content, Predicate<String> allowed, Collection<String> required,
                             List<String> problems) {
        Set<String> used = Placeholders.used(content);
        for (String name : used) {
            if (!allowed.test(name)) {
                problems.add(file + ": unknown placeholder {{" + name + "}}");
            }
        }
        for (String name : required) {
            if (!used.contains(name)) {
                problems.add(file + ": must use {{" + name + "}}");
            }
        }
        if (content.isBlank()) {
            problems.add(file + ": is empty");
        }
    }
}
