package eu.somep.api.mail;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Plain-text e-mail through the site's SMTP server (the {@code SOMEP_MAIL_*} settings), for plugins:
 * notifications, digests, links to confirm something. Mails are sent from the site's address.
 */
@ProviderType
public interface Mail {

    /**
     * Queues a mail and returns at once; it goes out on the kernel's mail thread. A failure is only logged, so
     * use this for mails the user can ask for again.
     */
    void send(String to, String subject, String text);

    /**
     * Sends a mail now, on the calling thread (a scheduled task, never a request): true once the SMTP server has
     * accepted it, false when it could not be sent (logged). For mail a plugin keeps in its own queue until sent.
     */
    boolean sendNow(String to, String subject, String text);

    /** The site's address for links in mails, such as {@code https://somep.example.org}, without a trailing slash. */
    String baseUrl();
}
