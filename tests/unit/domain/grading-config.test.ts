import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GradingConfigError,
  GradingConfigSchema,
  defaultGradingConfig,
  loadGradingConfig,
} from '../../../src/domain/grading-config.js';

describe('grading configuration', () => {
  it('uses the defaults when GRADING_CONFIG is unset, and they pass the schema', () => {
    expect(loadGradingConfig({})).toBe(defaultGradingConfig);
    expect(GradingConfigSchema.parse(defaultGradingConfig)).toEqual(defaultGradingConfig);
  });

  it('merges a JSON override key by key onto the defaults', () => {
    const config = loadGradingConfig({
      GRADING_CONFIG: '{"reliabilityByKind": {"wire": "A"}, "hedgePenalty": 0.1}',
    });
    expect(config.reliabilityByKind.wire).toBe('A');
    expect(config.reliabilityByKind.outlet).toBe(defaultGradingConfig.reliabilityByKind.outlet);
    expect(config.hedgePenalty).toBe(0.1);
    expect(config.anonymousHopPenalty).toBe(defaultGradingConfig.anonymousHopPenalty);
  });

  it('reads an override from a JSON file path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'grading-config-'));
    try {
      const file = path.join(dir, 'grading.json');
      writeFileSync(file, JSON.stringify({ reliabilityWeight: { F: 0.3 } }));
      expect(loadGradingConfig({ GRADING_CONFIG: file }).reliabilityWeight.F).toBe(0.3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a bad value with a message naming the setting, never falling back silently', () => {
    expect(() => loadGradingConfig({ GRADING_CONFIG: '{"reliabilityByKind": {"wire": "G"}}' })).toThrow(
      GradingConfigError,
    );
    expect(() => loadGradingConfig({ GRADING_CONFIG: '{"hedgePenalty": 2}' })).toThrow(/hedgePenalty/);
    expect(() => loadGradingConfig({ GRADING_CONFIG: '{"unknownSetting": 1}' })).toThrow(/GRADING_CONFIG/);
    expect(() => loadGradingConfig({ GRADING_CONFIG: '/no/such/file.json' })).toThrow(/GRADING_CONFIG/);
  });
});
