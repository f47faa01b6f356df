import type { CellRect } from './address';
import { MAX_COLUMNS, MAX_ROWS, formatAddress, parseAddress } from './address';
import { sheetNameProblem } from './sheetName';
import { StandinError } from './standinError';
import type {
  CellValue,
  ChartModel,
  ConditionalFormatModel,
  SheetModel,
  StandinWorkbook,
  TableModel,
} from './standinWorkbook';
import { OUTLINE_LEVELS, PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT } from './standinWorkbook';

/** A queued API call; `sync` runs them in order. */
interface Operation {
  kind: 'read' | 'write' | 'resolve';
  name: string;
  requestBytes: number;
  run: (batch: Batch) => void;
}

/** Results of loads are delivered only when the whole batch succeeds, as in Office.js. */
interface Batch {
  responseBytes: number;
  deliveries: (() => void)[];
}

const encoder = new TextEncoder();
function byteSize(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/**
 * An in-memory `Excel.RequestContext`: API calls are queued on proxy objects and executed by `sync()`.
 *
 * Why: office-addin-mock does not enforce load/sync; this does, and it enforces Excel on the web's
 * 5 MB request/response limits and 5,000,000-cell read limit, so code that passes here batches
 * correctly in real Excel. Cast it with `asExcelContext` where the adapter expects `Excel.RequestContext`.
 * @example
 * const context = new StandinRequestContext(book);
 * const sheet = context.workbook.worksheets.getItem('Data');
 * sheet.load('name');
 * await context.sync();
 * sheet.name // => 'Data'
 */
export class StandinRequestContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Operation[] = [];

  constructor(readonly book: StandinWorkbook) {
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
  }

  /** Queues an operation (internal to the stand-in's proxies). */
  enqueue(operation: Operation): void {
    this.queue.push(operation);
  }

  /** Executes every queued operation in order; rejects with an Office error code on the first failure. */
  async sync(): Promise<void> {
    await Promise.resolve();
    const hold = this.book.beforeSync;
    if (hold) await hold();
    const operations = this.queue;
    this.queue = [];
    const book = this.book;
    book.syncCount++;
    const requestBytes = operations.reduce((sum, operation) => sum + operation.requestBytes, 0);
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw new StandinError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${requestBytes} bytes > ${PAYLOAD_LIMIT_BYTES}).`,
      );
    }
    const batch: Batch = { responseBytes: 0, deliveries: [] };
    try {
      this.execute(operations, batch);
    } finally {
      book.notifyChanged();
    }
  }

  private execute(operations: readonly Operation[], batch: Batch): void {
    const book = this.book;
    for (const operation of operations) {
      if (operation.kind === 'write') {
        book.writeCount++;
        if (book.failAtWrite === book.writeCount) {
          book.failAtWrite = null;
          throw new StandinError('GeneralException', `Injected failure at write ${book.writeCount}.`, operation.name);
        }
      }
      if (operation.kind !== 'resolve')
        book.log.push({ sync: book.syncCount, kind: operation.kind, operation: operation.name });
      operation.run(batch);
    }
    if (batch.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new StandinError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${batch.responseBytes} bytes > ${PAYLOAD_LIMIT_BYTES}).`,
      );
    }
    for (const deliver of batch.deliveries) deliver();
  }
}

/** Base of every proxy: properties throw PropertyNotLoaded until `load()` and `sync()`. */
abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;
  /** Known during the sync that resolves it, before results are delivered. */
  private resolvedMissing = false;

  constructor(
    protected readonly context: StandinRequestContext,
    private readonly className: string,
  ) {}

  /** Reads the value of a property captured by the last sync after `load`. */
  protected loadedValue<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new StandinError(
        'PropertyNotLoaded',
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        `${this.className}.${property}`,
      );
    }
    return this.loaded.get(property) as T;
  }

  /** Snapshot of one property at sync time. */
  protected abstract snapshot(property: string): unknown;
  protected abstract properties(): readonly string[];

  /** Marks properties as already loaded (for collection items delivered by a collection load). */
  preload(values: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(values)) this.loaded.set(name, value);
  }

  /** For `...OrNullObject`: the existence check, resolved at sync (internal to the stand-in). */
  markNullable(check: () => boolean): void {
    this.context.enqueue({
      kind: 'resolve',
      name: `${this.className}.resolve`,
      requestBytes: 0,
      run: (batch) => {
        const exists = check();
        this.resolvedMissing = !exists;
        batch.deliveries.push(() => {
          this.nullObject = !exists;
        });
      },
    });
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) {
      throw new StandinError('PropertyNotLoaded', `isNullObject is known only after context.sync().`);
    }
    return this.nullObject;
  }

  /** Queues a load of the named properties (comma-separated string or array); all scalar ones if omitted. */
  load(propertyNames?: string | string[]): this {
    const names =
      propertyNames === undefined
        ? [...this.properties()]
        : (Array.isArray(propertyNames) ? propertyNames : propertyNames.split(',')).map((name) => name.trim());
    for (const name of names) {
      if (!this.properties().includes(name)) {
        throw new StandinError('InvalidArgument', `${this.className} has no loadable property '${name}'.`);
      }
    }
    this.context.enqueue({
      kind: 'read',
      name: `${this.className}.load(${names.join(',')})`,
      requestBytes: 0,
      run: (batch) => {
        if (this.resolvedMissing) return;
        const values = names.map((name) => this.snapshot(name));
        batch.responseBytes += byteSize(values);
        batch.deliveries.push(() => names.forEach((name, index) => this.loaded.set(name, values[index])));
      },
    });
    return this;
  }

  /** Queues a write operation. */
  protected write(name: string, run: () => void, payload: unknown = null): void {
    this.context.enqueue({ kind: 'write', name: `${this.className}.${name}`, requestBytes: byteSize(payload), run });
  }
}

/** Where a range proxy points; resolved when the queued operation runs. */
interface RangeTarget {
  sheet: SheetModel;
  rect: CellRect;
}

export class RangeProxy extends ClientObject {
  readonly format: RangeFormatProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    context: StandinRequestContext,
    readonly target: () => RangeTarget,
  ) {
    super(context, 'Range');
    this.format = new RangeFormatProxy(context, target);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, target);
  }

  protected properties(): readonly string[] {
    return [
      'address',
      'values',
      'valueTypes',
      'numberFormat',
      'rowCount',
      'columnCount',
      'rowIndex',
      'columnIndex',
      'text',
    ];
  }

  protected snapshot(property: string): unknown {
    const { sheet, rect } = this.target();
    const book = this.context.book;
    const cells = rect.rowCount * rect.columnCount;
    if (['values', 'valueTypes', 'numberFormat', 'text'].includes(property)) {
      if (cells > READ_CELL_LIMIT) {
        throw new StandinError(
          'ResponsePayloadSizeLimitExceeded',
          `Reading ${property} of ${cells} cells exceeds Excel's limit of ${READ_CELL_LIMIT} cells.`,
        );
      }
      book.cellsRead += cells;
    }
    switch (property) {
      case 'address':
        return formatAddress(sheet.name, rect);
      case 'rowCount':
        return rect.rowCount;
      case 'columnCount':
        return rect.columnCount;
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'values':
        return book.readCells(sheet, rect);
      case 'text':
        return book.readCells(sheet, rect).map((row) => row.map((value) => String(value)));
      case 'valueTypes': {
        const types: string[][] = [];
        for (let r = 0; r < rect.rowCount; r++) {
          const row: string[] = [];
          for (let c = 0; c < rect.columnCount; c++) row.push(book.valueTypeAt(sheet, rect.row + r, rect.column + c));
          types.push(row);
        }
        return types;
      }
      default: {
        const formats: string[][] = [];
        for (let r = 0; r < rect.rowCount; r++) {
          const row: string[] = [];
          for (let c = 0; c < rect.columnCount; c++)
            row.push(book.numberFormatAt(sheet, rect.row + r, rect.column + c));
          formats.push(row);
        }
        return formats;
      }
    }
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex');
  }
  get valueTypes(): string[][] {
    return this.loadedValue('valueTypes');
  }
  get text(): string[][] {
    return this.loadedValue('text');
  }
  get values(): CellValue[][] {
    return this.loadedValue('values');
  }
  set values(values: CellValue[][]) {
    this.writeGrid('values', values, (sheet, rect, grid) => this.context.book.writeCells(sheet, rect, grid));
  }
  /** The sheet and the rows (or columns) of the range that an outline call works on. */
  private outlineSpan(groupOption: 'ByRows' | 'ByColumns') {
    const { sheet, rect } = this.target();
    const [start, count] = groupOption === 'ByRows' ? [rect.row, rect.rowCount] : [rect.column, rect.columnCount];
    return { sheet, start, count };
  }

  /**
   * Groups the range's rows or columns into an outline (ExcelApi 1.10). As Excel: at most 8 nested levels; a group
   * over exactly the same span again only nests, so a ninth level fails.
   */
  group(groupOption: 'ByRows' | 'ByColumns'): void {
    this.write(
      `group(${groupOption})`,
      () => {
        const { sheet, start, count } = this.outlineSpan(groupOption);
        const levels = sheet.outline.filter(
          (group) => group.by === groupOption && group.start <= start && group.start + group.count >= start + count,
        ).length;
        if (levels >= OUTLINE_LEVELS) {
          throw new StandinError('InvalidOperation', `An outline has at most ${OUTLINE_LEVELS} levels.`);
        }
        sheet.outline.push({ by: groupOption, start, count, hidden: false });
      },
      groupOption,
    );
  }

  /** Collapses the outline groups within the range's rows or columns (ExcelApi 1.10); fails where there is none. */
  hideGroupDetails(groupOption: 'ByRows' | 'ByColumns'): void {
    this.write(
      `hideGroupDetails(${groupOption})`,
      () => {
        const { sheet, start, count } = this.outlineSpan(groupOption);
        const inside = sheet.outline.filter(
          (group) => group.by === groupOption && group.start >= start && group.start + group.count <= start + count,
        );
        if (inside.length === 0) throw new StandinError('InvalidOperation', 'The range holds no outline group.');
        for (const group of inside) group.hidden = true;
      },
      groupOption,
    );
  }

  get numberFormat(): string[][] {
    return this.loadedValue('numberFormat');
  }
  set numberFormat(format: string[][]) {
    this.writeGrid('numberFormat', format, (sheet, rect, grid) => sheet.numberFormats.push({ rect, format: grid }));
  }

  /** A grid property write: queued, then the grid is fitted to the range as Excel broadcasts it, and applied. */
  private writeGrid<Cell>(
    property: 'values' | 'numberFormat',
    grid: Cell[][],
    apply: (sheet: SheetModel, rect: CellRect, fitted: Cell[][]) => void,
  ): void {
    this.write(
      property,
      () => {
        const { sheet, rect } = this.target();
        apply(sheet, rect, broadcast(grid, rect, property));
      },
      grid,
    );
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet);
  }

  /** The cell at (row, column) relative to this range. */
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.target();
      return {
        sheet,
        rect: checkRect({ row: rect.row + row, column: rect.column + column, rowCount: 1, columnCount: 1 }),
      };
    });
  }

  /** This range grown or shrunk by the given number of rows and columns. */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.target();
      return {
        sheet,
        rect: checkRect({ ...rect, rowCount: rect.rowCount + deltaRows, columnCount: rect.columnCount + deltaColumns }),
      };
    });
  }

  /** A block of rows/columns inside this range, by offsets and size. */
  getAbsoluteResizedRange(rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: checkRect({ ...rect, rowCount, columnCount }) };
    });
  }

  /** The used part of this range; ItemNotFound at sync when nothing is used. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.context, () => {
      const used = this.usedWithin();
      if (!used) throw new StandinError('ItemNotFound', 'The range has no used cells.');
      return used;
    });
  }

  /** The used part of this range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    const proxy = new RangeProxy(this.context, () => {
      const used = this.usedWithin();
      if (!used) throw new StandinError('ItemNotFound', 'The range has no used cells.');
      return used;
    });
    proxy.markNullable(() => this.usedWithin() !== null);
    return proxy;
  }

  /** The block of non-blank cells around this range (Excel's Ctrl+A "current region"). */
  getSurroundingRegion(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: currentRegion(this.context.book, sheet, rect) };
    });
  }

  select(): void {
    this.write('select', () => {
      const { sheet, rect } = this.target();
      this.context.book.select(sheet.name, rect);
    });
  }

  private usedWithin(): RangeTarget | null {
    const { sheet, rect } = this.target();
    const used = this.context.book.usedRect(sheet);
    if (!used) return null;
    const row = Math.max(rect.row, used.row);
    const column = Math.max(rect.column, used.column);
    const bottom = Math.min(rect.row + rect.rowCount, used.row + used.rowCount);
    const right = Math.min(rect.column + rect.columnCount, used.column + used.columnCount);
    if (bottom <= row || right <= column) return null;
    return { sheet, rect: { row, column, rowCount: bottom - row, columnCount: right - column } };
  }
}

const CRITERION_TYPES = new Set(['LowestValue', 'HighestValue', 'Number', 'Percent', 'Percentile']);

/**
 * `range.conditionalFormats`: only colour scales are modelled (Excel API 1.6), the one kind the add-in writes;
 * other types are refused so a test cannot pass on a format the stand-in does not check.
 */
export class ConditionalFormatCollectionProxy {
  constructor(
    private readonly context: StandinRequestContext,
    private readonly target: () => RangeTarget,
  ) {}

  add(type: string): ConditionalFormatProxy {
    if (type !== 'ColorScale') {
      throw new StandinError('InvalidArgument', `Conditional format type "${type}" is not modelled by the stand-in.`);
    }
    let created: ConditionalFormatModel | undefined;
    this.context.enqueue({
      kind: 'write',
      name: 'ConditionalFormatCollection.add(ColorScale)',
      requestBytes: 64,
      run: () => {
        const { sheet, rect } = this.target();
        created = { id: this.context.book.newId('conditionalFormat'), rect, type: 'ColorScale', criteria: null };
        sheet.conditionalFormats.push(created);
      },
    });
    return new ConditionalFormatProxy(this.context, () => {
      if (!created) throw new StandinError('InvalidOperation', 'The conditional format was not created.');
      return created;
    });
  }
}

/** One conditional format; `colorScale.criteria` is write-only here, checked as Excel checks it. */
export class ConditionalFormatProxy {
  readonly colorScale: { criteria: ConditionalFormatModel['criteria'] };

  constructor(context: StandinRequestContext, target: () => ConditionalFormatModel) {
    this.colorScale = {
      set criteria(criteria: ConditionalFormatModel['criteria']) {
        const checked = [criteria?.minimum, criteria?.midpoint, criteria?.maximum];
        if (!criteria?.minimum || !criteria.maximum) {
          throw new StandinError('InvalidArgument', 'A colour scale needs a minimum and a maximum criterion.');
        }
        for (const criterion of checked) {
          if (criterion === undefined) continue;
          if (!CRITERION_TYPES.has(criterion.type) || !/^#[0-9a-f]{6}$/i.test(criterion.color)) {
            throw new StandinError('InvalidArgument', `Bad colour-scale criterion ${JSON.stringify(criterion)}.`);
          }
          if (
            ['Number', 'Percent', 'Percentile'].includes(criterion.type) &&
            !Number.isFinite(Number(criterion.formula))
          ) {
            throw new StandinError('InvalidArgument', `The ${criterion.type} criterion needs a number formula.`);
          }
        }
        const copy = JSON.parse(JSON.stringify(criteria)) as NonNullable<ConditionalFormatModel['criteria']>;
        context.enqueue({
          kind: 'write',
          name: 'ConditionalFormat.colorScale.criteria',
          requestBytes: 256,
          run: () => {
            target().criteria = copy;
          },
        });
      },
      get criteria(): ConditionalFormatModel['criteria'] {
        throw new StandinError('PropertyNotLoaded', 'colorScale.criteria is write-only in the stand-in.');
      },
    };
  }
}

export class RangeFormatProxy {
  readonly fill: { color: string; clear: () => void };
  readonly font: { bold: boolean };

  constructor(
    private readonly context: StandinRequestContext,
    private readonly target: () => RangeTarget,
  ) {
    const enqueue = (name: string, run: () => void): void =>
      context.enqueue({ kind: 'write', name: `RangeFormat.${name}`, requestBytes: 64, run });
    this.fill = {
      set color(color: string) {
        enqueue('fill.color', () => {
          const { sheet, rect } = target();
          sheet.fills.push({ rect, color });
        });
      },
      get color(): string {
        throw new StandinError('PropertyNotLoaded', 'format.fill.color is write-only in the stand-in.');
      },
      clear: () =>
        enqueue('fill.clear', () => {
          const { sheet, rect } = target();
          sheet.fills.push({ rect, color: '' });
        }),
    };
    this.font = {
      set bold(bold: boolean) {
        enqueue('font.bold', () => {
          const { sheet, rect } = target();
          if (bold) sheet.boldRanges.push(rect);
        });
      },
      get bold(): boolean {
        throw new StandinError('PropertyNotLoaded', 'format.font.bold is write-only in the stand-in.');
      },
    };
  }

  autofitColumns(): void {
    this.context.enqueue({
      kind: 'write',
      name: 'RangeFormat.autofitColumns',
      requestBytes: 32,
      run: () => {
        const { sheet, rect } = this.target();
        sheet.autofitted.push(rect);
      },
    });
  }
}

export class WorksheetProxy extends ClientObject {
  readonly freezePanes: { freezeRows: (count: number) => void; unfreeze: () => void };
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;

  constructor(
    context: StandinRequestContext,
    readonly target: () => SheetModel,
  ) {
    super(context, 'Worksheet');
    this.freezePanes = {
      freezeRows: (count: number) => this.write('freezePanes.freezeRows', () => (this.target().frozenRows = count)),
      unfreeze: () => this.write('freezePanes.unfreeze', () => (this.target().frozenRows = 0)),
    };
    this.tables = new TableCollectionProxy(context, target);
    this.charts = new ChartCollectionProxy(context, target);
  }

  protected properties(): readonly string[] {
    return ['name', 'id', 'position'];
  }

  protected snapshot(property: string): unknown {
    const sheet = this.target();
    if (property === 'name') return sheet.name;
    if (property === 'id') return sheet.id;
    return this.context.book.sheets.indexOf(sheet);
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.write(
      'name',
      () => {
        const sheet = this.target();
        const others = this.context.book.sheets.filter((other) => other !== sheet).map((other) => other.name);
        const problem = sheetNameProblem(name, others);
        if (problem) throw new StandinError('InvalidArgument', `The sheet name "${name}" ${problem}.`);
        sheet.name = name;
      },
      name,
    );
  }
  get id(): string {
    return this.loadedValue('id');
  }
  get position(): number {
    return this.loadedValue('position');
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      if (address === undefined)
        return { sheet, rect: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } };
      const rect = parseAddress(address);
      if (!rect) throw new StandinError('InvalidArgument', `"${address}" is not a valid range address.`);
      return { sheet, rect };
    });
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => ({
      sheet: this.target(),
      rect: checkRect({ row, column, rowCount, columnCount }),
    }));
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      return { sheet, rect: this.context.book.usedRect(sheet) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.getRange().getUsedRangeOrNullObject(valuesOnly);
  }

  activate(): void {
    this.write('activate', () => (this.context.book.activeSheet = this.target()));
  }

  delete(): void {
    this.write('delete', () => this.context.book.deleteSheet(this.target()));
  }
}

export class WorksheetCollectionProxy extends ClientObject {
  constructor(context: StandinRequestContext) {
    super(context, 'WorksheetCollection');
  }

  protected properties(): readonly string[] {
    return ['items', 'items/name', 'name'];
  }

  protected snapshot(): unknown {
    return this.context.book.sheets.map((sheet) => ({ sheet, name: sheet.name }));
  }

  /** Sheets loaded by `load('items/name')`, each with `name` readable. */
  get items(): WorksheetProxy[] {
    const loaded =
      this.loadedOrUndefined('items/name') ?? this.loadedOrUndefined('name') ?? this.loadedValue<SheetEntry[]>('items');
    return loaded.map(({ sheet, name }) => {
      const proxy = new WorksheetProxy(this.context, () => sheet);
      proxy.preload({ name });
      return proxy;
    });
  }

  private loadedOrUndefined(property: string): SheetEntry[] | undefined {
    try {
      return this.loadedValue<SheetEntry[]>(property);
    } catch {
      return undefined;
    }
  }

  add(name?: string): WorksheetProxy {
    let created: SheetModel | undefined;
    this.write(
      `add(${name ?? ''})`,
      () => {
        const book = this.context.book;
        let chosen = name;
        for (let n = book.sheets.length + 1; chosen === undefined; n++) {
          if (!book.findSheet(`Sheet${n}`)) chosen = `Sheet${n}`;
        }
        if (book.findSheet(chosen)) throw new StandinError('ItemAlreadyExists', `A sheet named "${chosen}" exists.`);
        created = book.addSheet(chosen);
      },
      name,
    );
    return new WorksheetProxy(this.context, () => {
      if (!created) throw new StandinError('InvalidOperation', 'The sheet was not created.');
      return created;
    });
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.lookup(key));
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, () => this.lookup(key));
    proxy.markNullable(() => this.find(key) !== undefined);
    return proxy;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const active = this.context.book.activeSheet;
      if (!active) throw new StandinError('ItemNotFound', 'No active sheet.');
      return active;
    });
  }

  private find(key: string): SheetModel | undefined {
    const book = this.context.book;
    return book.findSheet(key) ?? book.sheets.find((sheet) => sheet.id === key);
  }

  private lookup(key: string): SheetModel {
    const sheet = this.find(key);
    if (!sheet) throw new StandinError('ItemNotFound', `No sheet named "${key}".`);
    return sheet;
  }
}

interface SheetEntry {
  sheet: SheetModel;
  name: string;
}

export class TableProxy extends ClientObject {
  constructor(
    context: StandinRequestContext,
    readonly target: () => TableModel,
  ) {
    super(context, 'Table');
  }

  protected properties(): readonly string[] {
    return ['name', 'id', 'style'];
  }

  protected snapshot(property: string): unknown {
    const table = this.target();
    return property === 'name' ? table.name : property === 'id' ? table.id : table.style;
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.write(
      'name',
      () => {
        if (!/^[A-Za-z_\\\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]{0,254}$/.test(name)) {
          throw new StandinError('InvalidArgument', `"${name}" is not a valid table name.`);
        }
        const table = this.target();
        const taken = this.context.book.tables.some(
          (other) => other !== table && other.name.toLowerCase() === name.toLowerCase(),
        );
        if (taken) throw new StandinError('ItemAlreadyExists', `A table named "${name}" exists.`);
        table.name = name;
      },
      name,
    );
  }
  set style(style: string) {
    this.write('style', () => (this.target().style = style), style);
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet);
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.target().sheet, rect: this.target().rect }));
  }

  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.context, () => ({
      sheet: this.target().sheet,
      rect: { ...this.target().rect, rowCount: 1 },
    }));
  }

  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect, hasHeaders } = this.target();
      const skip = hasHeaders ? 1 : 0;
      return { sheet, rect: { ...rect, row: rect.row + skip, rowCount: rect.rowCount - skip } };
    });
  }

  delete(): void {
    this.write('delete', () => {
      const tables = this.context.book.tables;
      tables.splice(tables.indexOf(this.target()), 1);
    });
  }
}

export class TableCollectionProxy extends ClientObject {
  constructor(
    context: StandinRequestContext,
    private readonly sheet?: () => SheetModel,
  ) {
    super(context, 'TableCollection');
  }

  protected properties(): readonly string[] {
    return ['items', 'items/name'];
  }

  protected snapshot(): unknown {
    const sheet = this.sheet?.();
    return this.context.book.tables
      .filter((table) => sheet === undefined || table.sheet === sheet)
      .map((table) => ({ table, name: table.name }));
  }

  /** Tables loaded by `load('items/name')` (ExcelApi 1.1), each with `name` readable. */
  get items(): TableProxy[] {
    let loaded: { table: TableModel; name: string }[];
    try {
      loaded = this.loadedValue('items/name');
    } catch {
      loaded = this.loadedValue('items');
    }
    return loaded.map(({ table, name }) => {
      const proxy = new TableProxy(this.context, () => table);
      proxy.preload({ name });
      return proxy;
    });
  }

  /** Adds a table over `address` (on this sheet) or a range proxy. */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const created = queuedCreation(this.context, 'TableCollection.add', 'table', () => {
      const book = this.context.book;
      const target = typeof address === 'string' ? this.resolveAddress(address) : address.target();
      const overlaps = book.tables.some((table) => table.sheet === target.sheet && intersects(table.rect, target.rect));
      if (overlaps) throw new StandinError('InvalidOperation', 'A table cannot overlap another table.');
      const table: TableModel = {
        id: book.newId('table'),
        name: `Table${book.tables.length + 1}`,
        sheet: target.sheet,
        rect: target.rect,
        hasHeaders,
        style: 'TableStyleMedium2',
      };
      book.tables.push(table);
      return table;
    });
    return new TableProxy(this.context, created);
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => {
      const table = this.context.book.tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      if (!table) throw new StandinError('ItemNotFound', `No table named "${name}".`);
      return table;
    });
  }

  getItemOrNullObject(name: string): TableProxy {
    const find = (): TableModel | undefined =>
      this.context.book.tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    const proxy = new TableProxy(this.context, () => {
      const table = find();
      if (!table) throw new StandinError('ItemNotFound', `No table named "${name}".`);
      return table;
    });
    proxy.markNullable(() => find() !== undefined);
    return proxy;
  }

  private resolveAddress(address: string): RangeTarget {
    const book = this.context.book;
    const bang = address.lastIndexOf('!');
    const sheet = bang >= 0 ? book.findSheet(address.slice(0, bang).replace(/^'|'$/g, '')) : this.sheet?.();
    const rect = parseAddress(address);
    if (!sheet || !rect) throw new StandinError('InvalidArgument', `"${address}" is not a valid table address.`);
    return { sheet, rect };
  }
}

export class ChartProxy extends ClientObject {
  readonly title: { text: string };

  constructor(
    context: StandinRequestContext,
    readonly target: () => ChartModel,
  ) {
    super(context, 'Chart');
    const write = (name: string, run: () => void, payload: unknown): void => this.write(name, run, payload);
    this.title = {
      set text(text: string) {
        write('title.text', () => (target().title = text), text);
      },
      get text(): string {
        throw new StandinError('PropertyNotLoaded', 'chart.title.text is write-only in the stand-in.');
      },
    };
  }

  protected properties(): readonly string[] {
    return ['name', 'id'];
  }

  protected snapshot(property: string): unknown {
    return property === 'name' ? this.target().name : this.target().id;
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.write('name', () => (this.target().name = name), name);
  }

  setPosition(start: string, end?: string): void {
    this.write('setPosition', () => (this.target().position = { start, end }), [start, end]);
  }
}

/**
 * Queues the creation of a table or chart, as Excel does (nothing exists until sync), and returns the accessor
 * its proxy reads through: before the sync, or when the creation failed, that is an InvalidOperation.
 */
function queuedCreation<Model>(
  context: StandinRequestContext,
  name: string,
  what: string,
  create: () => Model,
): () => Model {
  let created: Model | undefined;
  context.enqueue({
    kind: 'write',
    name,
    requestBytes: 64,
    run: () => {
      created = create();
    },
  });
  return () => {
    if (created === undefined) throw new StandinError('InvalidOperation', `The ${what} was not created.`);
    return created;
  };
}

export class ChartCollectionProxy {
  constructor(
    private readonly context: StandinRequestContext,
    private readonly sheet: () => SheetModel,
  ) {}

  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    const created = queuedCreation(this.context, `ChartCollection.add(${type})`, 'chart', () => {
      const book = this.context.book;
      const chart: ChartModel = {
        id: book.newId('chart'),
        name: `Chart ${book.charts.length + 1}`,
        sheet: this.sheet(),
        type,
        source: sourceData.target().rect,
        seriesBy,
        title: '',
      };
      book.charts.push(chart);
      return chart;
    });
    return new ChartProxy(this.context, created);
  }
}

export class SettingProxy extends ClientObject {
  constructor(
    context: StandinRequestContext,
    readonly key: string,
  ) {
    super(context, 'Setting');
  }

  protected properties(): readonly string[] {
    return ['key', 'value'];
  }

  protected snapshot(property: string): unknown {
    if (property === 'key') return this.key;
    if (!this.context.book.settings.has(this.key)) throw new StandinError('ItemNotFound', `No setting "${this.key}".`);
    // Settings are stored as JSON in the document; a copy keeps callers from mutating the store.
    return JSON.parse(JSON.stringify(this.context.book.settings.get(this.key))) as unknown;
  }

  get value(): unknown {
    return this.loadedValue('value');
  }
}

export class SettingCollectionProxy {
  constructor(private readonly context: StandinRequestContext) {}

  add(key: string, value: unknown): SettingProxy {
    const text = JSON.stringify(value);
    this.context.enqueue({
      kind: 'write',
      name: `SettingCollection.add(${key})`,
      requestBytes: byteSize(text),
      run: () => this.context.book.settings.set(key, JSON.parse(text) as unknown),
    });
    return new SettingProxy(this.context, key);
  }

  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, key);
  }

  getItemOrNullObject(key: string): SettingProxy {
    const proxy = new SettingProxy(this.context, key);
    proxy.markNullable(() => this.context.book.settings.has(key));
    return proxy;
  }
}

export class FunctionResultProxy extends ClientObject {
  constructor(
    context: StandinRequestContext,
    private readonly compute: () => number,
  ) {
    super(context, 'FunctionResult');
  }

  protected properties(): readonly string[] {
    return ['value', 'error'];
  }

  protected snapshot(property: string): unknown {
    return property === 'value' ? this.compute() : null;
  }

  get value(): number {
    return this.loadedValue('value');
  }
  get error(): string | null {
    return this.loadedValue('error');
  }
}

export class ApplicationProxy {
  constructor(private readonly context: StandinRequestContext) {}

  /** Records that API calculation is suspended for the current batch (Excel resumes it after sync). */
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({
      kind: 'resolve',
      name: 'Application.suspendApiCalculationUntilNextSync',
      requestBytes: 16,
      run: () => {
        const book = this.context.book;
        book.calculationSuspendedSyncs.push(book.syncCount);
      },
    });
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly application: ApplicationProxy;
  /** `workbook.functions.date(y, m, d)` is how the adapter learns the date system (DATE(1904,1,1) = 0 in 1904). */
  readonly functions: { date: (year: number, month: number, day: number) => FunctionResultProxy };

  constructor(private readonly context: StandinRequestContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context);
    this.settings = new SettingCollectionProxy(context);
    this.application = new ApplicationProxy(context);
    this.functions = {
      date: (year, month, day) =>
        new FunctionResultProxy(context, () => {
          const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
          return context.book.date1904 ? days - 1462 : days;
        }),
    };
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const selection = this.context.book.selection;
      if (!selection) throw new StandinError('InvalidSelection' as 'InvalidOperation', 'Nothing is selected.');
      return selection;
    });
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const selection = this.context.book.selection;
      if (!selection) throw new StandinError('InvalidOperation', 'No active cell.');
      return {
        sheet: selection.sheet,
        rect: { row: selection.rect.row, column: selection.rect.column, rowCount: 1, columnCount: 1 },
      };
    });
  }
}

function broadcast<T>(values: T[][] | T, rect: CellRect, what: string): T[][] {
  if (!Array.isArray(values)) {
    return Array.from({ length: rect.rowCount }, () => new Array<T>(rect.columnCount).fill(values));
  }
  if (values.length !== rect.rowCount || values.some((row) => row.length !== rect.columnCount)) {
    throw new StandinError(
      'InvalidArgument',
      `The number of rows or columns in the ${what} array doesn't match the size of the range (${rect.rowCount}×${rect.columnCount}).`,
    );
  }
  return values;
}

function checkRect(rect: CellRect): CellRect {
  if (
    rect.row < 0 ||
    rect.column < 0 ||
    rect.rowCount < 1 ||
    rect.columnCount < 1 ||
    rect.row + rect.rowCount > MAX_ROWS ||
    rect.column + rect.columnCount > MAX_COLUMNS
  ) {
    throw new StandinError(
      'InvalidArgument',
      `The range falls outside the sheet's ${MAX_ROWS} rows × ${MAX_COLUMNS} columns.`,
    );
  }
  return rect;
}

function intersects(a: CellRect, b: CellRect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

/** Grows a rectangle until the rows and columns just outside it are blank. O(perimeter × growth). */
function currentRegion(book: StandinWorkbook, sheet: SheetModel, start: CellRect): CellRect {
  const rect = { ...start };
  const blank = (row: number, column: number): boolean => {
    const value = sheet.cells[row]?.[column];
    return value === undefined || value === '';
  };
  const rowHasData = (row: number): boolean => {
    if (row < 0 || row >= MAX_ROWS) return false;
    for (let c = Math.max(0, rect.column - 1); c <= rect.column + rect.columnCount && c < MAX_COLUMNS; c++)
      if (!blank(row, c)) return true;
    return false;
  };
  const columnHasData = (column: number): boolean => {
    if (column < 0 || column >= MAX_COLUMNS) return false;
    for (let r = Math.max(0, rect.row - 1); r <= rect.row + rect.rowCount && r < MAX_ROWS; r++)
      if (!blank(r, column)) return true;
    return false;
  };
  // Grow by one row or column on any side that touches data, until no side does (Excel's CurrentRegion).
  const sides: [() => boolean, () => unknown][] = [
    [() => rowHasData(rect.row - 1), () => Object.assign(rect, { row: rect.row - 1, rowCount: rect.rowCount + 1 })],
    [() => rowHasData(rect.row + rect.rowCount), () => Object.assign(rect, { rowCount: rect.rowCount + 1 })],
    [
      () => columnHasData(rect.column - 1),
      () => Object.assign(rect, { column: rect.column - 1, columnCount: rect.columnCount + 1 }),
    ],
    [
      () => columnHasData(rect.column + rect.columnCount),
      () => Object.assign(rect, { columnCount: rect.columnCount + 1 }),
    ],
  ];
  for (let grown = true; grown;) {
    grown = false;
    for (const [touchesData, grow] of sides) {
      if (!touchesData()) continue;
      grow();
      grown = true;
    }
  }
  void book;
  return rect;
}
