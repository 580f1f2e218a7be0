import { describe, expect, test } from 'vitest';
import { parseBuildInputs } from '../content/build-inputs.ts';
import { manifestInputs, parseShardManifest, shardMismatches, type ShardManifest, type ShardPart } from './shard-manifest.ts';

const manifest = (index: number, count = 3, change: Partial<ShardManifest> = {}): ShardManifest => ({
  format: 1,
  shard: { index, count },
  content: 'c'.repeat(64),
  code: 'd'.repeat(64),
  inputs: { PORTAL_AS_OF: '2026-11-23', PORTAL_AUDIENCE: 'public' },
  pages: [],
  files: [],
  ...change,
});
const parts = (...manifests: ShardManifest[]): ShardPart[] => manifests.map((value, position) => ({ folder: `dist-${position + 1}`, manifest: value }));

describe('shardMismatches', () => {
  test('accepts the n parts of one build, in any order', () => {
    expect(shardMismatches(parts(manifest(2), manifest(3), manifest(1)))).toEqual([]);
  });

  test.each([
    ['no shards', [], ['no shards given']],
    ['a missing shard', [manifest(1), manifest(3)], ['shard 2/3 is missing; give the output folders of all 3 shards']],
    ['a shard given twice', [manifest(1), manifest(2), manifest(2), manifest(3)], ['shard 2/3 is given 2 times (dist-2, dist-3)']],
    [
      'other content',
      [manifest(1), manifest(2, 3, { content: 'e'.repeat(64) }), manifest(3)],
      ['dist-2 was built from other content than dist-1 (content eeeeeeeeeeee, not cccccccccccc); build every shard from the same commit'],
    ],
    [
      'other code',
      [manifest(1), manifest(2), manifest(3, 3, { code: 'f'.repeat(64) })],
      ['dist-3 was built from other code than dist-1 (code ffffffffffff, not dddddddddddd); build every shard from the same commit'],
    ],
    [
      'another input, one line per variable',
      [manifest(1), manifest(2, 3, { inputs: { PORTAL_AS_OF: '2026-11-24', PORTAL_AUDIENCE: 'internal' } }), manifest(3)],
      [
        'dist-2 was built with PORTAL_AS_OF="2026-11-24", dist-1 with PORTAL_AS_OF="2026-11-23"; give every shard the same build inputs',
        'dist-2 was built with PORTAL_AUDIENCE="internal", dist-1 with PORTAL_AUDIENCE="public"; give every shard the same build inputs',
      ],
    ],
    [
      'another number of shards',
      [manifest(1, 2), manifest(2, 3)],
      ['dist-2 is shard 2/3, dist-1 shard 1/2: one build has one number of shards', 'shard 2/2 is missing; give the output folders of all 2 shards'],
    ],
  ])('%s', (_, given, expected) => {
    expect(shardMismatches(parts(...given))).toEqual(expected);
  });
});

describe('parseShardManifest', () => {
  test('reads what the shard wrote', () => {
    expect(parseShardManifest(JSON.stringify(manifest(1)), 'dist-1')).toEqual({ manifest: manifest(1) });
  });

  test.each([
    ['not JSON', '{', 'dist-1/_shard.json: not JSON; build the shard again'],
    ['another format', JSON.stringify({ ...manifest(1), format: 2 }), 'dist-1/_shard.json: not a shard manifest of this portal (format 1); build the shard again with this version'],
    ['a field missing', JSON.stringify({ ...manifest(1), files: undefined }), 'dist-1/_shard.json: not a shard manifest of this portal (format 1); build the shard again with this version'],
  ])('refuses %s, in one line', (_, text, problem) => {
    expect(parseShardManifest(text, 'dist-1')).toEqual({ problem });
  });
});

describe('manifestInputs', () => {
  test('records what shapes the pages, by variable, without the shard and the folders', () => {
    const { inputs } = parseBuildInputs({ PORTAL_SHARD: '2/4', PORTAL_OUT_DIR: 'dist-2', PORTAL_BASE: 'okrs', PORTAL_AUDIENCE: 'internal' }, '2026-11-23');
    expect(manifestInputs(inputs)).toEqual({
      PORTAL_AUDIENCE: 'internal',
      PORTAL_AS_OF: '2026-11-23',
      PORTAL_SITE: '',
      PORTAL_BASE: '/okrs/',
      PORTAL_REPO_URL: '',
      PORTAL_REPO_BRANCH: 'main',
      PORTAL_HISTORY: 'on',
      PORTAL_HISTORY_DETAILS: 'authors',
      PORTAL_SNAPSHOTS: 'on',
    });
  });

  test('the same for every shard of a build', () => {
    const of = (shard: string) => manifestInputs(parseBuildInputs({ PORTAL_SHARD: shard, PORTAL_OUT_DIR: `dist-${shard[0]}` }, '2026-11-23').inputs);
    expect(of('1/2')).toEqual(of('2/2'));
  });
});
