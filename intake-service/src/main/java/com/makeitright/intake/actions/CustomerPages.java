package com.makeitright.intake.actions;

import com.makeitright.platform.links.Placeholders;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pages a customer sees after following a link from a mail, from {@code customer-pages/*.html} (files a team
 * edits). Read and checked once at start-up: a missing page, an unknown placeholder or a form without its token
 * stops intake with a message naming each. Every value is filled in as escaped text.
 */
final class CustomerPages {

    enum Page {
        ACCEPT("accept.html", Set.of("offerDescription", "offerAmount", "expiresAt"), true),
        DECLINE("decline.html", Set.of("offerDescription", "offerAmount", "expiresAt"), true),
        COUNTER("counter.html", Set.of("offerDescription", "offerAmount", "expiresAt", "currency", "problem"), true),
        SATISFACTION("satisfaction.html", Set.of("score", "problem"), true),
        ANSWERED("answered.html", Set.of("headline", "whatNext"), false),
        REFUSED("refused.html", Set.of("headline", "explanation"), false);

        private final String file;
        private final Set<String> own;
        private final boolean form;

        Page(String file, Set<String> own, boolean form) {
            this.file = file;
            this.own = own;
            this.form = form;
        }

        boolean allows(String name) {
            return own.contains(name) || name.equals("title") || name.equals("reference")
                    || (form && (name.equals("token") || name.equals("formAction")));
        }

        List<String> required() {
            return form ? List.of("token", "formAction") : List.copyOf(own);
        }
    }

    private final Map<Page, String> pages = new EnumMap<>(Page.class);

    CustomerPages() {
        List<String> problems = new ArrayList<>();
        for (Page page : Page.values()) {
            String content = read("customer-pages/" + page.file);
            if (content == null) {
                problems.add(page.file + ": missing");
                continue;
            }
            Set<String> used = Placeholders.used(content);
            used.stream().filter(name -> !page.allows(name))
                    .forEach(name -> problems.add(page.file + ": unknown placeholder {{" + name + "}}"));
            page.required().stream().filter(name -> !used.contains(name))
                    .forEach(name -> problems.add(page.file + ": must use {{" + name + "}}"));
            pages.put(page, content);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Customer pages are not usable:\n  - " + String.join("\n  - ", problems));
        }
    }

    String render(Page page, Map<String, String> values) {
        return Placeholders.fill(pages.get(page), values, true);
    }

    private static String read(String location) {
        ClassPathResource resource = new ClassPathResource(location);
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
