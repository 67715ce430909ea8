package eu.somep.course;

import eu.somep.api.web.View;
import eu.somep.course.internal.Views;
import eu.somep.spi.web.Block;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The course plugin's blocks: my courses and recently accessed (dashboard), and the course catalogue (site home). */
public final class CourseBlocks {
    private CourseBlocks() {
    }

    @Component(service = Block.class)
    public static class MyCourses implements Block {
        private final CourseService s;

        @Activate
        public MyCourses(@Reference CourseService s) {
            this.s = s;
        }

        @Override public String id() { return "course:mycourses"; }
        @Override public String titleKey() { return "course.my.title"; }
        @Override public Set<String> places() { return Set.of(DASHBOARD); }
        @Override public int order() { return 10; }

        @Override
        public Optional<View> render(String place) {
            return s.user.userId().map(u -> View.of("course/block-my.ftlh").with("courses", s.myCourses(u)));
        }
    }

    @Component(service = Block.class)
    public static class Recent implements Block {
        private final CourseService s;

        @Activate
        public Recent(@Reference CourseService s) {
            this.s = s;
        }

        @Override public String id() { return "course:recent"; }
        @Override public String titleKey() { return "course.my.recent"; }
        @Override public Set<String> places() { return Set.of(DASHBOARD); }
        @Override public int order() { return 20; }

        @Override
        public Optional<View> render(String place) {
            return s.user.userId().map(s::recent).filter(r -> !r.isEmpty()).map(r -> View.of("course/block-recent.ftlh").with("recent", r));
        }
    }

    @Component(service = Block.class)
    public static class Catalogue implements Block {
        private final CourseService s;

        @Activate
        public Catalogue(@Reference CourseService s) {
            this.s = s;
        }

        @Override public String id() { return "course:catalogue"; }
        @Override public String titleKey() { return "course.index.title"; }
        @Override public Set<String> places() { return Set.of(HOME, DASHBOARD); }
        @Override public int order() { return 30; }

        @Override
        public Optional<View> render(String place) {
            List<Views.CourseView> courses = s.store.courses().stream().filter(c -> c.visible).limit(6).map(Views.CourseView::of).toList();
            return courses.isEmpty() ? Optional.empty() : Optional.of(View.of("course/block-catalogue.ftlh").with("courses", courses));
        }
    }
}
