package eu.somep.course.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

@Entity
@Table(name = "course_course")
public class Course {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "category_id", nullable = false)
    public long categoryId;
    @Column(nullable = false)
    public String fullname;
    @Column(nullable = false, length = 100)
    public String shortname;
    @Column(nullable = false, length = 20000)
    public String summary;
    @Column(length = 5)
    public String lang;
    @Column(nullable = false)
    public boolean visible;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "self_enrol", nullable = false)
    public boolean selfEnrol;
    @Column(name = "enrol_key", length = 100)
    public String enrolKey;
    /** The image's media type, or null when the course has no image. */
    @Column(name = "image_type", length = 32)
    public String imageType;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
