// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutputEvent } from '../../protocol';
import { PlaygroundContext } from '../context';
import type { Pipeline } from '../pipeline';
import { createPlaygroundStore } from '../store/store';
import { EventStream } from './EventStream';

afterEach(cleanup);

const event = (map: string, run: number): OutputEvent => ({ map, cpu: 0, data: '36000000', text: `${map}: 36000000`, run }); // prettier-ignore

describe('ring buffer stream', () => {
  it("lists one map's records, newest last, and says when there are none", () => {
    const store = createPlaygroundStore();
    const ui = (
      <PlaygroundContext.Provider value={{ store, pipeline: {} as Pipeline }}>
        <EventStream map="events" />
      </PlaygroundContext.Provider>
    );
    const { rerender } = render(ui);
    expect(screen.getByText(/No records yet/)).toBeTruthy();
    store.setState({ events: [event('events', 0), event('other', 0), event('events', 1)] });
    rerender(ui);
    const rows = screen.getByRole('log', { name: 'Records from events' }).querySelectorAll('li');
    expect(Array.from(rows, (r) => r.textContent)).toEqual([
      'run 0 · cpu 0 events: 36000000',
      'run 1 · cpu 0 events: 36000000',
    ]);
    expect(screen.getByText('2 records')).toBeTruthy();
  });
});
