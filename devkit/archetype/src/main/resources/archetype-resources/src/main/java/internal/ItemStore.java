package ${package}.internal;

import eu.somep.api.persistence.Database;
import java.time.Instant;
import java.util.List;

/** The plugin's queries; one transaction per call. */
public final class ItemStore {
    private final Database db;

    public ItemStore(Database db) {
        this.db = db;
    }

    public List<Item> newest(int max) {
        return db.inTransaction(em -> em.createQuery("select i from Item i order by i.createdAt desc, i.id desc", Item.class)
                .setMaxResults(max).getResultList());
    }

    public Item add(ItemInput in, Long authorId) {
        Item i = new Item();
        i.title = in.title();
        i.text = in.text();
        i.authorId = authorId;
        i.createdAt = Instant.now();
        db.run(em -> em.persist(i));
        return i;
    }

    public boolean delete(long id) {
        return db.inTransaction(em -> em.createQuery("delete from Item i where i.id = :id").setParameter("id", id).executeUpdate() > 0);
    }

    public List<Item> byAuthor(long userId) {
        return db.inTransaction(em -> em.createQuery("select i from Item i where i.authorId = :u order by i.id", Item.class)
                .setParameter("u", userId).getResultList());
    }

    public long forgetAuthor(long userId) {
        return db.inTransaction(em -> (long) em.createQuery("update Item i set i.authorId = null where i.authorId = :u")
                .setParameter("u", userId).executeUpdate());
    }
}
