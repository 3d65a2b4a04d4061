import { gridServes, MAX_VIEWPORT_CELLS, VIEWPORT_CELLS_PER_DEGREE, viewportCells } from './viewport-grid';

const cellOf = (value: number) => Math.floor(value * VIEWPORT_CELLS_PER_DEGREE);

describe('viewport grid', () => {
  it('lists the cells under a street view, padded with nulls to the statement shape', () => {
    // 2 columns, 3 rows: room for 2 × 3.
    expect(viewportCells([-3.7051, 40.4151, -3.7026, 40.4201])).toEqual({ columns: [-1483, -1482], rows: [16166, 16167, 16168] });
    // The bench's central view (0.011° × 0.0065°): 5 columns in a shape of 6, 3 rows.
    expect(viewportCells([-3.71, 40.41, -3.699, 40.4165])).toEqual({
      columns: [-1484, -1483, -1482, -1481, -1480, null],
      rows: [16163, 16164, 16165, 16166],
    });
  });

  it('puts a box on a cell edge in the cell the database computes for a report there', () => {
    // 40.41 × 400 is 16163.999… in IEEE arithmetic, as in PostgreSQL: a report at 40.41 is in cell 16163.
    expect(cellOf(40.41)).toBe(16163);
    expect(viewportCells([-3.7, 40.41, -3.7, 40.41])).toEqual({ columns: [cellOf(-3.7)], rows: [16163] });
  });

  it('covers every point inside the box, whatever the box', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 2000; k += 1) {
      const minLon = -3.9 + random() * 0.4;
      const minLat = 40.3 + random() * 0.3;
      const box = [minLon, minLat, minLon + random() * 0.02, minLat + random() * 0.02] as const;
      const cells = viewportCells(box);
      if (!cells) continue;
      for (let p = 0; p < 10; p += 1) {
        const lon = box[0] + random() * (box[2] - box[0]);
        const lat = box[1] + random() * (box[3] - box[1]);
        expect(cells.columns).toContain(cellOf(lon));
        expect(cells.rows).toContain(cellOf(lat));
      }
      for (const corner of [box[0], box[2]]) expect(cells.columns).toContain(cellOf(corner));
      for (const corner of [box[1], box[3]]) expect(cells.rows).toContain(cellOf(corner));
    }
  });

  it('declines a view spanning more cells than one statement holds', () => {
    // A district at zoom 14: 0.11° × 0.05°, 45 × 21 cells.
    expect(viewportCells([-3.76, 40.39, -3.65, 40.44])).toBeNull();
    // 12 × 8 cells is the most.
    const widest = viewportCells([-3.7, 40.4, -3.7 + 11.5 / 400, 40.4 + 7.5 / 400]);
    expect(widest!.columns.length * widest!.rows.length).toBe(MAX_VIEWPORT_CELLS);
    expect(viewportCells([-3.7, 40.4, -3.7 + 12.5 / 400, 40.4 + 7.5 / 400])).toBeNull();
  });

  it('serves views filtered by category and status, not by date', () => {
    const bbox = [-3.71, 40.41, -3.699, 40.4165] as const;
    expect(gridServes({ bbox: [...bbox], from: null, until: null })).toBe(true);
    expect(gridServes({ bbox: [...bbox], from: new Date('2026-01-01T00:00:00Z'), until: null })).toBe(false);
    expect(gridServes({ bbox: null, from: null, until: null })).toBe(false);
  });
});
