import type { ChartData } from './chartData';

/** Excel's default Office theme accent colours, in series order, so the demo looks like the workbook will. */
const ACCENTS = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47'];
const WIDTH = 360;
const HEIGHT = 220;
const PLOT = { left: 44, right: 12, top: 28, bottom: 40 };

const colour = (index: number): string => ACCENTS[index % ACCENTS.length] as string;
const short = (label: string, room = 12): string => (label.length > room ? `${label.slice(0, room - 1)}…` : label);

/**
 * Draws a chart of the stand-in workbook as SVG from its type and source data, as Excel would draw it: pie and
 * doughnut as slices of the first series, line types as polylines with markers, bar types as horizontal bars
 * (categories top to bottom, as Excel lists them), everything else as clustered columns. Each data point is one element with `data-point`, so tests can count what was drawn. The demo has
 * no Excel; this is how people without it (and the screenshot tests) see the charts.
 */
export function ChartSvg(props: { type: string; title: string; data: ChartData }): JSX.Element {
  const { type, title, data } = props;
  const kind = /^(Pie|Doughnut)/.test(type)
    ? 'pie'
    : /^Line/.test(type)
      ? 'line'
      : /^Bar/.test(type)
        ? 'bar'
        : 'column';
  return (
    <svg
      role="img"
      aria-label={title}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      data-chart-type={type}
      style={{ background: '#fff', border: '1px solid #d0d0d0' }}
    >
      <title>{title}</title>
      <text x={WIDTH / 2} y={18} textAnchor="middle" fontSize={13} fontWeight={600} fill="#404040">
        {title}
      </text>
      {kind === 'pie' ? (
        <Pie data={data} />
      ) : kind === 'bar' ? (
        <Bars data={data} />
      ) : (
        <Cartesian data={data} lines={kind === 'line'} />
      )}
    </svg>
  );
}

function Pie(props: { data: ChartData }): JSX.Element {
  const values = (props.data.series[0]?.values ?? []).map((value) => Math.max(0, value ?? 0));
  const total = values.reduce((sum, value) => sum + value, 0);
  const centre = { x: 110, y: 120 };
  const radius = 80;
  let angle = -Math.PI / 2;
  return (
    <g>
      {values.map((value, index) => {
        const sweep = total === 0 ? 0 : (value / total) * 2 * Math.PI;
        const start = angle;
        angle += sweep;
        const large = sweep > Math.PI ? 1 : 0;
        const from = { x: centre.x + radius * Math.cos(start), y: centre.y + radius * Math.sin(start) };
        const to = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
        // A single slice of 100 % is a full circle: an arc cannot start and end at the same point.
        const shape =
          sweep >= 2 * Math.PI - 1e-9 ? (
            <circle cx={centre.x} cy={centre.y} r={radius} fill={colour(index)} data-point={index} />
          ) : (
            <path
              d={`M${centre.x},${centre.y} L${from.x},${from.y} A${radius},${radius} 0 ${large} 1 ${to.x},${to.y} Z`}
              fill={colour(index)}
              stroke="#fff"
              data-point={index}
            />
          );
        return (
          <g key={index}>
            {shape}
            <rect x={212} y={40 + index * 18} width={10} height={10} fill={colour(index)} />
            <text x={228} y={49 + index * 18} fontSize={11} fill="#404040">
              {short(props.data.categories[index] ?? '')}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Cartesian(props: { data: ChartData; lines: boolean }): JSX.Element {
  const { categories, series } = props.data;
  const all = series.flatMap((entry) => entry.values).filter((value): value is number => value !== null);
  const high = Math.max(0, ...all);
  const low = Math.min(0, ...all);
  const span = high - low || 1;
  const width = WIDTH - PLOT.left - PLOT.right;
  const height = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = width / Math.max(1, categories.length);
  const y = (value: number): number => PLOT.top + ((high - value) / span) * height;
  const barWidth = (slot * 0.7) / Math.max(1, series.length);
  return (
    <g>
      <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(0)} y2={y(0)} stroke="#bfbfbf" />
      <text x={PLOT.left - 4} y={y(high) + 4} textAnchor="end" fontSize={10} fill="#595959">
        {Number(high.toPrecision(3)).toLocaleString()}
      </text>
      {categories.map((category, index) => (
        <text
          key={index}
          x={PLOT.left + slot * (index + 0.5)}
          y={HEIGHT - PLOT.bottom + 14}
          textAnchor="middle"
          fontSize={10}
          fill="#595959"
        >
          {short(category)}
        </text>
      ))}
      {series.map((entry, seriesIndex) =>
        props.lines ? (
          <g key={seriesIndex}>
            <polyline
              fill="none"
              stroke={colour(seriesIndex)}
              strokeWidth={2}
              points={entry.values
                .map((value, index) => (value === null ? null : `${PLOT.left + slot * (index + 0.5)},${y(value)}`))
                .filter((point) => point !== null)
                .join(' ')}
            />
            {entry.values.map((value, index) =>
              value === null ? null : (
                <circle
                  key={index}
                  cx={PLOT.left + slot * (index + 0.5)}
                  cy={y(value)}
                  r={3}
                  fill={colour(seriesIndex)}
                  data-point={index}
                />
              ),
            )}
          </g>
        ) : (
          <g key={seriesIndex}>
            {entry.values.map((value, index) =>
              value === null ? null : (
                <rect
                  key={index}
                  x={PLOT.left + slot * index + slot * 0.15 + barWidth * seriesIndex}
                  y={Math.min(y(value), y(0))}
                  width={barWidth}
                  height={Math.abs(y(value) - y(0))}
                  fill={colour(seriesIndex)}
                  data-point={index}
                />
              ),
            )}
          </g>
        ),
      )}
      {series.map((entry, seriesIndex) => (
        <g key={`legend-${seriesIndex}`}>
          <rect x={PLOT.left + seriesIndex * 110} y={HEIGHT - 14} width={10} height={10} fill={colour(seriesIndex)} />
          <text x={PLOT.left + seriesIndex * 110 + 14} y={HEIGHT - 5} fontSize={10} fill="#404040">
            {short(entry.name)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Horizontal bars: one row per category, the series side by side within it, zero at the left edge. */
function Bars(props: { data: ChartData }): JSX.Element {
  const { categories, series } = props.data;
  const left = 132;
  const right = 16;
  const all = series.flatMap((entry) => entry.values).filter((value): value is number => value !== null);
  const high = Math.max(0, ...all) || 1;
  const width = WIDTH - left - right;
  const slot = (HEIGHT - PLOT.top - PLOT.bottom) / Math.max(1, categories.length);
  const barHeight = (slot * 0.7) / Math.max(1, series.length);
  return (
    <g>
      <line x1={left} x2={left} y1={PLOT.top} y2={HEIGHT - PLOT.bottom} stroke="#bfbfbf" />
      {categories.map((category, index) => (
        <text
          key={index}
          x={left - 4}
          y={PLOT.top + slot * (index + 0.5) + 4}
          textAnchor="end"
          fontSize={10}
          fill="#595959"
        >
          {short(category, 22)}
        </text>
      ))}
      {series.map((entry, seriesIndex) => (
        <g key={seriesIndex}>
          {entry.values.map((value, index) =>
            value === null ? null : (
              <rect
                key={index}
                x={left}
                y={PLOT.top + slot * index + slot * 0.15 + barHeight * seriesIndex}
                width={(Math.max(0, value) / high) * width}
                height={barHeight}
                fill={colour(seriesIndex)}
                data-point={index}
              />
            ),
          )}
        </g>
      ))}
      <text x={WIDTH - right} y={HEIGHT - PLOT.bottom + 14} textAnchor="end" fontSize={10} fill="#595959">
        {Number(high.toPrecision(3)).toLocaleString()}
      </text>
      {series.map((entry, seriesIndex) => (
        <g key={`legend-${seriesIndex}`}>
          <rect x={left + seriesIndex * 110} y={HEIGHT - 14} width={10} height={10} fill={colour(seriesIndex)} />
          <text x={left + seriesIndex * 110 + 14} y={HEIGHT - 5} fontSize={10} fill="#404040">
            {short(entry.name)}
          </text>
        </g>
      ))}
    </g>
  );
}
