package eu.somep.quiz;

import eu.somep.quiz.internal.Attempt;
import eu.somep.spi.task.ScheduledTask;
import java.time.Duration;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Closes attempts whose time is up even if their trainee never comes back: submitted, marked overdue or abandoned as
 * the quiz says, and their grades reported. The kernel runs it every few seconds while the plugin is enabled.
 */
@Component(service = ScheduledTask.class)
public class QuizSweeper implements ScheduledTask {
    private final QuizService s;

    @Activate
    public QuizSweeper(@Reference QuizService s) {
        this.s = s;
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(5);
    }

    @Override
    public void run() {
        for (Attempt a : s.store.due(s.now())) {
            s.store.quiz(a.quizId).ifPresent(q -> {
                Attempt after = s.attempts.settle(a, q);
                if (!after.state.equals(a.state)) s.events.publish("quiz/attempt/swept", Map.of("attempt", a.id, "state", after.state));
            });
        }
    }
}
