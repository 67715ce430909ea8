/**
 * The question-type extension point of the quiz plugin: a {@link eu.somep.quiz.spi.QuestionType} checks a question's
 * answers, prepares an attempt's state (such as a shuffled order) and grades a response. The shipped types
 * (multiple choice, true/false, short answer, numerical, matching, essay, description) implement it.
 */
@Version("1.1.0")
@Export
package eu.somep.quiz.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
