#!/usr/bin/env python3
"""Finds the old plugin class loaders in a heap dump (jcmd PID GC.heap_dump FILE) and why they are still there.

A Felix bundle class loader is old when its bundle wiring was disposed: the bundle was uninstalled or updated and
the framework refreshed, so nothing should use that loader any more. Counting loaders cannot tell an old loader from
a new one that was created later (Felix creates a bundle's loader only when its first class is loaded), so this
looks at each loader's wiring instead.

Each old loader is reported with its bundle (symbolic name, version, revision "bundle id.revision") and how it is
reachable:
  strong  a chain of ordinary references from a GC root (a thread, a static field, a JNI handle) holds it: a leak;
          the chain is printed, root first, so the holder can be fixed
  soft    only through soft references (caches): the JVM clears them before it runs out of memory, not at every GC
  weak    only through weak or phantom references, or not at all: the next collection takes it

Usage: old-loaders.py DUMP.hprof   -> a report on stdout; the last line is "old plugin class loaders: N strong,
N soft, N weak"; exits 1 when one is strongly or softly reachable (the soak's check: none may be left).
"""
import collections
import struct
import sys

TYPE_SIZE = {2: None, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
LOADER = 'org.apache.felix.framework.BundleWiringImpl$BundleClassLoader'


class Heap:
    def __init__(self, path):
        with open(path, 'rb') as f:
            self.d = d = f.read()
        end = d.index(b'\0')
        self.idsize = n = struct.unpack_from('>I', d, end + 1)[0]
        self.idfmt = '>Q' if n == 8 else '>I'
        self.strings, self.class_names = {}, {}
        self.classes = {}      # class id -> (super, loader, [(name, static ref)], [(name, type)])
        self.instances = {}    # id -> offset of (class id, nbytes, data)
        self.arrays = {}       # id -> offset of (n, array class id, ids)
        self.prims = {}        # id -> offset of (n, type, data)
        self.roots = []        # (id, kind, extra)
        self.thread_serials = {}
        pos = end + 1 + 4 + 8
        while pos < len(d):
            tag, _, length = struct.unpack_from('>BII', d, pos)
            body = pos + 9
            if tag == 0x01:
                self.strings[self.id(body)] = d[body + n:body + length].decode('utf-8', 'replace')
            elif tag == 0x02:
                self.class_names[self.id(body + 4)] = self.id(body + 8 + n)
            elif tag in (0x0C, 0x1C):
                self.segment(body, body + length)
            pos = body + length
        self.class_names = {c: self.strings.get(s, '?').replace('/', '.') for c, s in self.class_names.items()}
        self.layouts = {}

    def id(self, off):
        return struct.unpack_from(self.idfmt, self.d, off)[0]

    def segment(self, pos, end):
        d, n = self.d, self.idsize
        while pos < end:
            sub = d[pos]
            pos += 1
            if sub == 0xFF or sub == 0x05 or sub == 0x07:
                self.roots.append((self.id(pos), {0xFF: 'unknown', 0x05: 'system class', 0x07: 'monitor'}[sub], None))
                pos += n
            elif sub == 0x01:
                self.roots.append((self.id(pos), 'JNI global', None))
                pos += 2 * n
            elif sub in (0x02, 0x03):
                serial = struct.unpack_from('>I', d, pos + n)[0]
                self.roots.append((self.id(pos), 'JNI local' if sub == 0x02 else 'Java frame', serial))
                pos += n + 8
            elif sub in (0x04, 0x06):
                serial = struct.unpack_from('>I', d, pos + n)[0]
                self.roots.append((self.id(pos), 'native stack' if sub == 0x04 else 'thread block', serial))
                pos += n + 4
            elif sub == 0x08:
                serial = struct.unpack_from('>I', d, pos + n)[0]
                self.thread_serials[serial] = self.id(pos)
                self.roots.append((self.id(pos), 'thread', serial))
                pos += n + 8
            elif sub == 0x20:
                cid = self.id(pos)
                sup, loader = self.id(pos + 4 + n), self.id(pos + 4 + 2 * n)
                pos += 4 + 7 * n + 4
                (cp,) = struct.unpack_from('>H', d, pos)
                pos += 2
                for _ in range(cp):
                    t = d[pos + 2]
                    pos += 3 + (TYPE_SIZE[t] or n)
                (ns,) = struct.unpack_from('>H', d, pos)
                pos += 2
                statics = []
                for _ in range(ns):
                    name, t = self.id(pos), d[pos + n]
                    if t == 2:
                        statics.append((name, self.id(pos + n + 1)))
                    pos += n + 1 + (TYPE_SIZE[t] or n)
                (nf,) = struct.unpack_from('>H', d, pos)
                pos += 2
                fields = []
                for _ in range(nf):
                    fields.append((self.id(pos), d[pos + n]))
                    pos += n + 1
                self.classes[cid] = (sup, loader, statics, fields)
            elif sub == 0x21:
                self.instances[self.id(pos)] = pos + n + 4
                nbytes = struct.unpack_from('>I', d, pos + 2 * n + 4)[0]
                pos += 2 * n + 8 + nbytes
            elif sub == 0x22:
                self.arrays[self.id(pos)] = pos + n + 4
                cnt = struct.unpack_from('>I', d, pos + n + 4)[0]
                pos += 2 * n + 8 + cnt * n
            elif sub == 0x23:
                self.prims[self.id(pos)] = pos + n + 4
                cnt, t = struct.unpack_from('>IB', d, pos + n + 4)
                pos += n + 9 + cnt * TYPE_SIZE[t]
            else:
                raise ValueError('unknown heap dump record 0x%02x at %d' % (sub, pos))

    def layout(self, cid):
        """[(field name, type, offset in the instance data)] of the class and its superclasses, in dump order."""
        if cid not in self.layouts:
            out, off, c = [], 0, cid
            while c in self.classes:
                for name, t in self.classes[c][3]:
                    out.append((self.strings.get(name, '?'), t, off))
                    off += TYPE_SIZE[t] or self.idsize
                c = self.classes[c][0]
            self.layouts[cid] = out
        return self.layouts[cid]

    def class_of(self, oid):
        return self.id(self.instances[oid]) if oid in self.instances else None

    def fields(self, oid):
        off = self.instances[oid]
        data = off + self.idsize + 4
        return {name: (self.id(data + o) if t == 2 else self.prim(t, data + o)) for name, t, o in self.layout(self.id(off))}

    def prim(self, t, off):
        fmt = {4: '>?', 5: '>H', 6: '>f', 7: '>d', 8: '>b', 9: '>h', 10: '>i', 11: '>q'}[t]
        return struct.unpack_from(fmt, self.d, off)[0]

    def string(self, oid):
        if oid not in self.instances:
            return None
        f = self.fields(oid)
        off = self.prims.get(f.get('value'))
        if off is None:
            return None
        cnt, t = struct.unpack_from('>IB', self.d, off)
        raw = self.d[off + 5:off + 5 + cnt * TYPE_SIZE[t]]
        return raw.decode('latin-1') if f.get('coder', 0) == 0 else raw.decode('utf-16-be', 'replace')

    def subclass_of(self, cid, name):
        while cid in self.classes:
            if self.class_names.get(cid) == name:
                return True
            cid = self.classes[cid][0]
        return False

    def refs(self, oid):
        """Outgoing references as (target, label, kind): kind is 'soft', 'weak' or None (strong)."""
        if oid in self.instances:
            cid = self.class_of(oid)
            ref_kind = self.reference_kind(cid)
            yield cid, '<class>', None
            for name, value in self.fields(oid).items():
                if isinstance(value, int) and not isinstance(value, bool) and value and name in self._ref_names(cid):
                    yield value, name, ref_kind if name == 'referent' else None
        elif oid in self.arrays:
            off = self.arrays[oid]
            cnt = struct.unpack_from('>I', self.d, off)[0]
            base = off + 4 + self.idsize
            for i in range(cnt):
                v = self.id(base + i * self.idsize)
                if v:
                    yield v, '[%d]' % i, None
        elif oid in self.classes:
            sup, loader, statics, _ = self.classes[oid]
            if sup:
                yield sup, '<super>', None
            if loader:
                yield loader, '<loader>', None
            for name, v in statics:
                if v:
                    yield v, 'static ' + self.strings.get(name, '?'), None

    _ref_cache = {}

    def _ref_names(self, cid):
        if cid not in self._ref_cache:
            self._ref_cache[cid] = {name for name, t, _ in self.layout(cid) if t == 2}
        return self._ref_cache[cid]

    _kind_cache = {}

    def reference_kind(self, cid):
        if cid not in self._kind_cache:
            k = None
            if self.subclass_of(cid, 'java.lang.ref.SoftReference'):
                k = 'soft'
            elif self.subclass_of(cid, 'java.lang.ref.Reference'):
                k = 'weak'
            self._kind_cache[cid] = k
        return self._kind_cache[cid]

    def reach(self, through):
        """Parent links of everything reachable from the GC roots through strong references plus the kinds given."""
        parent = {}
        queue = collections.deque()
        for oid, kind, extra in self.roots:
            if oid not in parent:
                parent[oid] = (None, self.root_label(kind, extra))
                queue.append(oid)
        while queue:
            o = queue.popleft()
            for t, label, kind in self.refs(o):
                if t not in parent and (kind is None or kind in through):
                    parent[t] = (o, label)
                    queue.append(t)
        return parent

    def root_label(self, kind, serial):
        t = self.thread_serials.get(serial)
        name = self.string(self.fields(t).get('name')) if t in self.instances else None
        return 'GC root: ' + kind + (' of thread "%s"' % name if name else '')

    def describe(self, oid):
        if oid in self.classes:
            return 'class ' + self.class_names.get(oid, hex(oid))
        cid = self.class_of(oid) if oid in self.instances else None
        if cid is None and oid in self.arrays:
            cid = self.id(self.arrays[oid] + 4)
        name = self.class_names.get(cid, '?')
        if name == 'java.lang.Thread' or (cid and self.subclass_of(cid, 'java.lang.Thread')):
            return '%s "%s"' % (name, self.string(self.fields(oid).get('name')))
        return name

    def path(self, parent, oid):
        steps = []
        while oid is not None:
            p, label = parent[oid]
            steps.append((oid, label))
            oid = p
        steps.reverse()
        return ['   ' + (label if i == 0 else '.' + label) + ' -> ' + self.describe(o) for i, (o, label) in enumerate(steps)]


def main(path):
    h = Heap(path)
    loaders = []
    for oid, off in h.instances.items():
        if h.class_names.get(h.id(off)) == LOADER:
            wiring = h.fields(oid).get('m_wiring')
            w = h.fields(wiring) if wiring in h.instances else {}
            rev = h.fields(w['m_revision']) if w.get('m_revision') in h.instances else {}
            version = h.fields(rev['m_version']) if rev.get('m_version') in h.instances else {}
            v = '.'.join(str(version.get(k, '?')) for k in ('major', 'minor', 'micro'))
            q = h.string(version.get('qualifier')) if version.get('qualifier') else ''
            loaders.append((oid, bool(w.get('m_isDisposed')), h.string(rev.get('m_symbolicName')), v + ('.' + q if q else ''),
                            h.string(rev.get('m_id'))))
    old = [x for x in loaders if x[1]]
    print('bundle class loaders in the dump: %d, of bundles that were replaced or uninstalled: %d' % (len(loaders), len(old)))
    for _, disposed, name, version, rev in sorted(loaders, key=lambda x: (x[2] or '', x[4] or '')):
        print('  %-24s %-22s revision %-6s %s' % (name, version, rev, 'OLD' if disposed else 'current'))
    counts = collections.Counter()
    if old:
        strong = h.reach(())
        soft = h.reach(('soft',))
        for oid, _, name, version, rev in old:
            kind = 'strong' if oid in strong else 'soft' if oid in soft else 'weak'
            counts[kind] += 1
            print('\nold loader of %s %s (revision %s): %s' % (name, version, rev, kind))
            if kind != 'weak':
                print('\n'.join(h.path(strong if kind == 'strong' else soft, oid)))
    print('\nold plugin class loaders: %d strong, %d soft, %d weak' % (counts['strong'], counts['soft'], counts['weak']))
    return 1 if counts['strong'] or counts['soft'] else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
