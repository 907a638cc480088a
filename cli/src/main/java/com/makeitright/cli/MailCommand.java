package com.makeitright.cli;

import com.makeitright.cli.mail.MailListing;
import com.makeitright.cli.mail.MailServer;
import com.makeitright.cli.mail.ReceivedMail;
import com.makeitright.cli.stack.StackConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "mail", mixinStandardHelpOptions = true, description = {
        "Lists the messages the local mail server received (the follow-up worker's mails to customers), newest"
                + " last: when, to whom, subject, the first lines and the links in each.",
        "Reads them from the mail server's REST API (GreenMail, started by 'up'); it keeps them until 'down'."})
final class MailCommand implements Callable<Integer> {

    @Mixin
    StackOptions options;

    @Option(names = "--to", paramLabel = "ADDRESS", description = "Only the mails to this address (any case)")
    String to;

    @Option(names = "--complaint", paramLabel = "ID", description = "Only the mails about this complaint")
    String complaint;

    @Option(names = "--lines", paramLabel = "N", defaultValue = "3",
            description = "How many first lines of each mail to show (default ${DEFAULT-VALUE})")
    int lines;

    @Option(names = "--json", description = "Print a JSON array (with each mail's whole text) instead")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (lines < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lines must be 0 or more, was " + lines);
        }
        StackConfig config = options.config();
        List<ReceivedMail> mails;
        try {
            mails = new MailServer(config.mailApiUrl()).received();
        } catch (IOException e) {
            throw new IllegalStateException("The local mail server does not answer at " + config.mailApiUrl()
                    + " (./complaints up starts it; ./complaints status shows it): " + e.getMessage(), e);
        }
        List<ReceivedMail> shown = MailListing.filter(mails, to, complaint);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? MailListing.json(shown, lines) : MailListing.text(shown, lines));
        out.flush();
        return 0;
    }
}
