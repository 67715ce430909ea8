package eu.somep.core.mail;

import eu.somep.api.mail.Mail;
import java.util.function.Supplier;

/** The kernel's {@link Mail} service for plugins, over the one {@link Mailer}. */
public final class MailService implements Mail {
    private final Mailer mailer;
    private final Supplier<String> baseUrl;

    public MailService(Mailer mailer, Supplier<String> baseUrl) {
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    @Override
    public void send(String to, String subject, String text) {
        check(to, subject, text);
        mailer.send(to, subject, text);
    }

    @Override
    public boolean sendNow(String to, String subject, String text) {
        check(to, subject, text);
        return mailer.sendNow(to, subject, text);
    }

    private static void check(String to, String subject, String text) {
        if (to == null || to.isBlank() || subject == null || text == null) throw new IllegalArgumentException("A mail needs an address, a subject and a text.");
        if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) throw new IllegalArgumentException("A subject is one line.");
    }

    @Override
    public String baseUrl() {
        return baseUrl.get();
    }
}
