package eu.somep.pages;

import eu.somep.api.web.View;
import eu.somep.spi.web.SiteHome;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The site home is the page with the slug {@code home}, plus the list of public pages. */
@Component(service = SiteHome.class)
public class PagesHome implements SiteHome {
    private final PagesService pages;

    @Activate
    public PagesHome(@Reference PagesService pages) {
        this.pages = pages;
    }

    @Override
    public View home() {
        String lang = pages.lang();
        return View.of("pages/home.ftlh").with("home", pages.store.find("home", lang).orElse(null))
                .with("pages", pages.store.list(lang, pages.member()).stream().filter(p -> !p.getSlug().equals("home")).toList());
    }
}
