/** The status viewers moved to src/resources/rollout (apply --wait-rollout shares them). */
export * from '../../resources/rollout/status-viewers.js';
