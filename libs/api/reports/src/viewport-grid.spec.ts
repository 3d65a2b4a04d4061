import { float4Slack, gridServes, MAX_VIEWPORT_CELLS, VIEWPORT_CELLS_PER_DEGREE, viewportCells, type ViewportCells } from './viewport-grid';

const cellOf = (value: number) => Math.floor(value * VIEWPORT_CELLS_PER_DEGREE);

/** How many of the statement's branches (ReportsRepository's gridPage) hold a report in this cell: must be one. */
function branchesHolding({ columns, rows, strips }: ViewportCells, x: number, y: number): number {
  const inStripColumn = x === strips.west || x === strips.east;
  return [
    columns.includes(x) && rows.includes(y),
    x === strips.west,
    x === strips.east,
    y === strips.south && !inStripColumn,
    y === strips.north && !inStripColumn,
  ].filter(Boolean).length;
}

describe('viewport grid', () => {
  const noStrips = { west: null, east: null, south: null, north: null };

  it('lists the cells under a street view, padded with nulls to the statement shape', () => {
    // 2 columns, 3 rows: room for 2 × 3.
    expect(viewportCells([-3.70625, 40.41375, -3.70375, 40.41875])).toEqual({ columns: [-1483, -1482], rows: [16165, 16166, 16167], strips: noStrips });
    // The bench's central view (0.011° × 0.0065°): 5 columns in a shape of 6, 3 rows; its west
    // and south edges lie on cell boundaries (below).
    expect(viewportCells([-3.71, 40.41, -3.699, 40.4165])).toEqual({
      columns: [-1484, -1483, -1482, -1481, -1480, null],
      rows: [16164, 16165, 16166],
      strips: { ...noStrips, west: -1485, south: 16163 },
    });
  });

  it('reads the edges a view barely covers as strips', () => {
    // West and north cover 4 % of their cells: strips; east and south 96 %: cells.
    expect(viewportCells([-3.7051, 40.4151, -3.7026, 40.4201])).toEqual({
      columns: [-1482],
      rows: [16166, 16167],
      strips: { west: -1483, east: null, south: null, north: 16168 },
    });
    // Every edge a strip, nothing left between two of them: the grid branch matches nothing.
    expect(viewportCells([-3.70025, 40.41225, -3.69975, 40.41525])).toEqual({
      columns: [null],
      rows: [16165],
      strips: { west: -1481, east: -1480, south: 16164, north: 16166 },
    });
    // A view inside one cell reads that cell, however little of it.
    expect(viewportCells([-3.7049, 40.4149, -3.7048, 40.41495])).toEqual({ columns: [-1482], rows: [16165], strips: noStrips });
  });

  it('puts a box on a cell edge in the cell the database computes for a report there', () => {
    // 40.41 × 400 is 16163.999… in IEEE arithmetic, as in PostgreSQL: a report at 40.41 is in cell 16163.
    expect(cellOf(40.41)).toBe(16163);
    const point = viewportCells([-3.7, 40.41, -3.7, 40.41])!;
    expect(branchesHolding(point, cellOf(-3.7), cellOf(40.41))).toBe(1);
    // A view whose south edge is 40.41 touches cell 16163 along that line only: a strip.
    expect(viewportCells([-3.7, 40.41, -3.699, 40.412])!.strips.south).toBe(16163);
  });

  it("covers the points just outside the box that PostGIS's && still matches", () => {
    // -3.7 (west) and 40.4175 (north) lie on cell boundaries; && compares float4-rounded boxes, so
    // a report a hair beyond them (here 2⁻²³ of the value) still matches, and lies in the next cell.
    const box = [-3.7, 40.41, -3.699, 40.4175] as const;
    const cells = viewportCells(box)!;
    const beyondWest = [box[0] * (1 + 2 ** -23), 40.411] as const;
    const beyondNorth = [-3.6995, box[3] * (1 + 2 ** -23)] as const;
    expect(cellOf(beyondWest[0])).toBe(cellOf(box[0]) - 1);
    expect(cellOf(beyondNorth[1])).toBe(cellOf(box[3]) + 1);
    for (const [lon, lat] of [beyondWest, beyondNorth]) expect(branchesHolding(cells, cellOf(lon), cellOf(lat))).toBe(1);
    expect(float4Slack(40.41)).toBeGreaterThan(2 * 40.41 * 2 ** -23);
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
      const points: Array<[number, number]> = [[box[0], box[1]], [box[2], box[3]], [box[0], box[3]], [box[2], box[1]]];
      for (let p = 0; p < 10; p += 1) points.push([box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])]);
      for (const [lon, lat] of points) expect(branchesHolding(cells, cellOf(lon), cellOf(lat))).toBe(1);
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
