import { useJanusCallContext } from '@janus-call/react';
import { useCallStats } from './use-call-stats.js';

/** Live rates from the peer connection: what arrives from the peer and what we send, per kind. */
export function CallStats() {
  const { status, getStats } = useJanusCallContext();
  const rates = useCallStats(getStats, status === 'mediaUp');
  const cell = (value: number | undefined) => (value === undefined ? '…' : `${value} kbit/s`);
  return (
    <table className="stats" aria-label="Call statistics">
      <thead>
        <tr>
          <th scope="col">Media</th>
          <th scope="col">Received</th>
          <th scope="col">Sent</th>
        </tr>
      </thead>
      <tbody>
        {(['audio', 'video'] as const).map((kind) => (
          <tr key={kind}>
            <th scope="row">{kind === 'audio' ? 'Audio' : 'Video'}</th>
            <td>{cell(rates?.[kind].received)}</td>
            <td>{cell(rates?.[kind].sent)}</td>
          </tr>
        ))}
      </tbody>
      {rates?.roundTripTimeMs != null && (
        <tfoot>
          <tr>
            <th scope="row">Round trip</th>
            <td colSpan={2}>{Math.round(rates.roundTripTimeMs)} ms</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
