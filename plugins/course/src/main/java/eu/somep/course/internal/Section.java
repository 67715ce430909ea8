package eu.somep.course.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "course_section")
public class Section {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "course_id", nullable = false)
    public long courseId;
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public String title;
    @Column(nullable = false, length = 20000)
    public String summary;
}
