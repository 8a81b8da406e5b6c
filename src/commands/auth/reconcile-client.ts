/**
 * The writes of component-helpers' reconciliation (RoleModifier, ClusterRoleModifier and the
 * binding client adapters): plain GET/POST/PUT/DELETE of the rbac/v1 objects, and the best-effort
 * creation of a Role's or RoleBinding's namespace.
 */
import { ApiStatusError, PlainError } from '../../errors/errors.js';
import type { RbacObject } from '../../resources/rbac/rbac-types.js';
import { RBAC_GROUP, decodeRbac, encodeRbac, metaString } from '../../resources/rbac/rbac-types.js';
import { collectionPath, objectPath } from '../../resources/resource-ref.js';
import type { HttpClient } from '../../transport/http-client.js';

const RESOURCES: Record<RbacObject['kind'], string> = {
  Role: 'roles',
  ClusterRole: 'clusterroles',
  RoleBinding: 'rolebindings',
  ClusterRoleBinding: 'clusterrolebindings',
};

// kubectl sends no fieldManager; the server names the manager after kubectl's user agent.
const FIELD_MANAGER = { fieldManager: 'kubectl' };

function refOf(kind: RbacObject['kind']): {
  kind: string;
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
} {
  return {
    kind,
    group: RBAC_GROUP,
    version: 'v1',
    resource: RESOURCES[kind],
    namespaced: kind === 'Role' || kind === 'RoleBinding',
  };
}

/** client-go refuses a request for an object without a name before sending it. */
function checkName(name: string): void {
  if (name === '') throw new PlainError('resource name may not be empty');
}

/** Whether an error is the server's answer with this reason. */
export function hasReason(error: unknown, reason: string): boolean {
  return error instanceof ApiStatusError && error.reason === reason;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiStatusError && error.isNotFound;
}

/** The API calls reconciliation makes for one kind. */
export class RbacClient {
  constructor(private readonly client: HttpClient) {}

  /** The live object, or undefined when the server has none. */
  async get<T extends RbacObject>(
    kind: T['kind'],
    namespace: string,
    name: string,
  ): Promise<T | undefined> {
    checkName(name);
    try {
      const live = await this.client.json<Record<string, unknown>>({
        path: objectPath(refOf(kind), name, namespace),
      });
      return decodeRbac({ ...live, kind, apiVersion: `${RBAC_GROUP}/v1` }) as T;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async create<T extends RbacObject>(object: T): Promise<T> {
    const namespace = metaString(object.metadata, 'namespace');
    if (object.kind === 'Role' || object.kind === 'RoleBinding')
      await this.ensureNamespace(namespace);
    return this.send('POST', collectionPath(refOf(object.kind), namespace), object);
  }

  async update<T extends RbacObject>(object: T): Promise<T> {
    const name = metaString(object.metadata, 'name');
    checkName(name);
    const namespace = metaString(object.metadata, 'namespace');
    return this.send('PUT', objectPath(refOf(object.kind), name, namespace), object);
  }

  /** Deletes the object only if it is still the one with this uid. */
  async delete(object: RbacObject): Promise<void> {
    const name = metaString(object.metadata, 'name');
    checkName(name);
    await this.client.json({
      method: 'DELETE',
      path: objectPath(refOf(object.kind), name, metaString(object.metadata, 'namespace')),
      contentType: 'application/json',
      body: JSON.stringify({ preconditions: { uid: metaString(object.metadata, 'uid') } }),
    });
  }

  private async send<T extends RbacObject>(
    method: 'POST' | 'PUT',
    path: string,
    object: T,
  ): Promise<T> {
    const sent = await this.client.json<Record<string, unknown>>({
      method,
      path,
      query: FIELD_MANAGER,
      contentType: 'application/json',
      body: JSON.stringify(encodeRbac(object)),
    });
    return decodeRbac({ ...sent, kind: object.kind, apiVersion: `${RBAC_GROUP}/v1` }) as T;
  }

  /**
   * tryEnsureNamespace: gets or creates the namespace, ignoring Forbidden (the user may only be
   * allowed to write roles) and a namespace created meanwhile.
   */
  private async ensureNamespace(namespace: string): Promise<void> {
    checkName(namespace);
    const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}`;
    try {
      await this.client.json({ path });
      return;
    } catch (error) {
      if (!isNotFound(error) && !hasReason(error, 'Forbidden')) throw error;
    }
    try {
      await this.client.json({
        method: 'POST',
        path: '/api/v1/namespaces',
        query: FIELD_MANAGER,
        contentType: 'application/json',
        body: JSON.stringify({
          kind: 'Namespace',
          apiVersion: 'v1',
          metadata: { name: namespace },
        }),
      });
    } catch (error) {
      if (!hasReason(error, 'AlreadyExists') && !hasReason(error, 'Forbidden')) throw error;
    }
  }
}
