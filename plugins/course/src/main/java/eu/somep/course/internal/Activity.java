package eu.somep.course.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "course_activity")
public class Activity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "course_id", nullable = false)
    public long courseId;
    @Column(name = "section_id", nullable = false)
    public long sectionId;
    @Column(nullable = false)
    public int position;
    @Column(nullable = false, length = 64)
    public String type;
    @Column(name = "instance_id", nullable = false)
    public long instanceId;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public boolean hidden;
    @Column(nullable = false)
    public boolean tracked;
}
