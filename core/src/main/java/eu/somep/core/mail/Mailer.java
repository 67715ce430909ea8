package eu.somep.core.mail;

import eu.somep.core.config.Settings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends e-mail through an SMTP server (Jakarta Mail): {@code SOMEP_MAIL_HOST}, {@code SOMEP_MAIL_PORT},
 * {@code SOMEP_MAIL_FROM}. Mail goes out on one background thread, so that a slow server never holds up a page,
 * and so that a request takes as long whether or not it sends a mail (no account enumeration by timing).
 */
public final class Mailer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    private final Session session;
    private final InternetAddress from;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "somep-mail");
        t.setDaemon(true);
        return t;
    });

    public Mailer(Settings settings) {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.get(Settings.MAIL_HOST, "localhost"));
        p.put("mail.smtp.port", String.valueOf(settings.getInt(Settings.MAIL_PORT, 25)));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        String user = settings.get(Settings.MAIL_USER, null);
        if (user != null) {
            p.put("mail.smtp.auth", "true");
            p.put("mail.smtp.starttls.enable", "true");
        }
        String password = settings.get(Settings.MAIL_PASSWORD, null);
        session = Session.getInstance(p, user == null ? null : new jakarta.mail.Authenticator() {
            @Override
            protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                return new jakarta.mail.PasswordAuthentication(user, password);
            }
        });
        try {
            from = new InternetAddress(settings.get(Settings.MAIL_FROM, "somep@localhost"), "SOMEP");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queues a plain-text mail; a failure is logged (the link can be asked for again). */
    public void send(String to, String subject, String text) {
        sender.execute(() -> sendNow(to, subject, text));
    }

    /** Sends a plain-text mail on the calling thread: true once the server accepted it; a failure is logged. */
    public boolean sendNow(String to, String subject, String text) {
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(from);
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            m.setSentDate(new Date());
            // Jakarta Mail finds its provider through the thread's context class loader
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(Mailer.class.getClassLoader());
            try {
                Transport.send(m);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
            return true;
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot send mail '" + subject + "': " + e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
