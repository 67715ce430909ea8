package eu.somep.course.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A course category. Fields are public: entities stay inside this package's store, views get records. */
@Entity
@Table(name = "course_category")
public class Category {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false, length = 4000)
    public String description;
    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}
