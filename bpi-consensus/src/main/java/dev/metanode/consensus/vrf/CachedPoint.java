package dev.metanode.consensus.vrf;

/**
 * A point in the form {@link VerifyPoint#add} takes: (Y+X, Y-X, 2dT, 2Z), so an addition needs no
 * work on this side (ref10's "cached" form, with Z doubled ahead as well). Tables of odd multiples
 * are arrays of these. Mutable while a table is filled; tables shared between threads (keys, the
 * base point) are never written after they are published.
 */
final class CachedPoint {
    final FieldElement51 yPlusX = new FieldElement51();
    final FieldElement51 yMinusX = new FieldElement51();
    final FieldElement51 t2d = new FieldElement51();
    final FieldElement51 z2 = new FieldElement51();
    /** Z = 1 (so z2 = 2): an addition then doubles its own Z instead of multiplying by z2. */
    boolean affine;

    /** Sets this to {@code p}, whose T must be current. */
    void set(VerifyPoint p) {
        yPlusX.add(p.y, p.x);
        yMinusX.sub(p.y, p.x);
        t2d.mul(p.t, VerifyPoint.D2);
        z2.add(p.z, p.z);
        affine = false;
    }

    /** Divides every coordinate by Z, given {@code zInverse} = 1/Z: (y+x, y-x, 2d xy, 2). */
    void makeAffine(FieldElement51 zInverse) {
        yPlusX.mul(yPlusX, zInverse);
        yMinusX.mul(yMinusX, zInverse);
        t2d.mul(t2d, zInverse);
        z2.setOne();
        z2.add(z2, z2);
        affine = true;
    }

    /** {@code count} new points, to be filled. */
    static CachedPoint[] array(int count) {
        CachedPoint[] a = new CachedPoint[count];
        for (int i = 0; i < count; i++) {
            a[i] = new CachedPoint();
        }
        return a;
    }
}
