/**
 * The objects describe-kinds.test.ts describes: Jobs, CronJobs, a StatefulSet with claim
 * templates bound to static PersistentVolumes, DaemonSets, PVCs and Ingresses, in one namespace.
 */

const container = `containers: [{name: c, image: busybox, ports: [{containerPort: 8080, name: http}]}]`;

/** Jobs (completed with parallelism; suspended and indexed) and CronJobs (suspended; running). */
export function batchObjects(ns: string): string {
  return `apiVersion: batch/v1
kind: Job
metadata: {name: batch-done, namespace: ${ns}, labels: {suite: kinds}}
spec:
  completions: 3
  parallelism: 2
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      ${container}
---
apiVersion: batch/v1
kind: Job
metadata: {name: batch-paused, namespace: ${ns}, labels: {suite: kinds, team: x}, annotations: {note: paused}}
spec:
  suspend: true
  completionMode: Indexed
  completions: 3
  activeDeadlineSeconds: 600
  ttlSecondsAfterFinished: 100
  template:
    spec:
      restartPolicy: Never
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: zone
        whenUnsatisfiable: DoNotSchedule
        labelSelector: {matchLabels: {app: p}, matchExpressions: [{key: tier, operator: NotIn, values: [b, a]}]}
      - {maxSkew: 2, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {}}
      ${container}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: tick, namespace: ${ns}, labels: {suite: kinds}}
spec:
  schedule: "0 0 1 1 *"
  suspend: true
  startingDeadlineSeconds: 30
  jobTemplate:
    spec:
      parallelism: 1
      completions: 1
      activeDeadlineSeconds: 60
      template:
        metadata: {labels: {from: tick}}
        spec:
          restartPolicy: Never
          ${container}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: often, namespace: ${ns}}
spec:
  schedule: "* * * * *"
  successfulJobsHistoryLimit: 2
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          ${container}
`;
}

/** Two static volumes for the StatefulSet's claims and one for the bound PVC (cluster-scoped). */
export function volumes(ns: string): string {
  const pv = (name: string, storageClass: string, size: string): string => `apiVersion: v1
kind: PersistentVolume
metadata: {name: ${name}}
spec:
  capacity: {storage: ${size}}
  accessModes: [ReadWriteOnce, ReadOnlyMany]
  storageClassName: ${storageClass}
  hostPath: {path: /tmp/${name}}
`;
  return [
    pv(`${ns}-sts-0`, `${ns}-sts`, '1Gi'),
    pv(`${ns}-sts-1`, `${ns}-sts`, '1Gi'),
    pv(`${ns}-one`, `${ns}-one`, '3Gi'),
  ].join('---\n');
}

/** A headless service and a StatefulSet whose claim templates bind to the static volumes. */
export function statefulObjects(ns: string): string {
  return `apiVersion: v1
kind: Service
metadata: {name: db, namespace: ${ns}}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{name: sql, port: 5432}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: ${ns}, labels: {suite: kinds}}
spec:
  serviceName: db
  replicas: 2
  podManagementPolicy: Parallel
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: pg
        image: postgres
        ports: [{containerPort: 5432, name: sql}]
        volumeMounts: [{name: data, mountPath: /data}]
  volumeClaimTemplates:
  - metadata: {name: data, labels: {tier: db}, annotations: {owner: dba}}
    spec:
      storageClassName: ${ns}-sts
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: cache, namespace: ${ns}}
spec:
  serviceName: cache
  replicas: 1
  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}
  selector:
    matchLabels: {app: cache}
    matchExpressions: [{key: tier, operator: In, values: [mem, hot]}]
  template:
    metadata: {labels: {app: cache, tier: mem}}
    spec:
      ${container}
`;
}

/** DaemonSets on the kwok nodes (by node selector) and on no node. */
export function daemonObjects(ns: string): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ${ns}, labels: {suite: kinds}}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      nodeSelector: {type: kwok}
      tolerations: [{key: dedicated, operator: Exists, effect: NoSchedule}]
      ${container}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: nowhere, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: nowhere}}
  template:
    metadata: {labels: {app: nowhere}}
    spec:
      nodeSelector: {disktype: ssd, zone: none}
      ${container}
`;
}

/** A pending PVC, a PVC bound to a static volume and the pod that mounts it. */
export function claimObjects(ns: string): string {
  return `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: waiting, namespace: ${ns}, labels: {suite: kinds}}
spec:
  accessModes: [ReadWriteMany]
  resources: {requests: {storage: 2Gi}}
  storageClassName: nothing-provides-this
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: bound, namespace: ${ns}, labels: {suite: kinds, app: x}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
  storageClassName: ${ns}-one
  volumeMode: Filesystem
---
apiVersion: v1
kind: Pod
metadata: {name: user, namespace: ${ns}}
spec:
  containers: [{name: c, image: busybox}]
  volumes: [{name: v, persistentVolumeClaim: {claimName: bound}}]
`;
}

/**
 * Services with endpoints (ready pods; a hand-made slice with endpoints that are not ready) and
 * Ingresses: rules, TLS, default and missing backends, a resource backend.
 */
export function ingressObjects(ns: string): string {
  return `apiVersion: v1
kind: Service
metadata: {name: web, namespace: ${ns}}
spec:
  selector: {app: agent}
  ports: [{name: http, port: 80, targetPort: 8080}, {name: admin, port: 81, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: front, namespace: ${ns}, labels: {suite: kinds}, annotations: {a: b}}
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: web, port: {number: 80}}}
  tls: [{hosts: [a.example.com, b.example.com], secretName: tls-cert}, {hosts: [c.example.com]}]
  rules:
  - host: a.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: admin}}}}
      - {path: /missing, pathType: Prefix, backend: {service: {name: nosuch, port: {number: 8080}}}}
  - http:
      paths:
      - {path: /db, pathType: Exact, backend: {service: {name: db, port: {number: 5432}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: fallback, namespace: ${ns}}
spec:
  defaultBackend: {service: {name: gone, port: {number: 80}}}
---
apiVersion: v1
kind: Service
metadata: {name: manual, namespace: ${ns}}
spec:
  ports: [{name: p, port: 90}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: manual-1, namespace: ${ns}, labels: {kubernetes.io/service-name: manual}}
addressType: IPv4
ports: [{name: p, port: 9090}]
endpoints:
- {addresses: [10.1.0.1], conditions: {ready: false}}
- {addresses: [10.1.0.2]}
- {addresses: [10.1.0.3], conditions: {ready: true}}
- {addresses: [10.1.0.4]}
- {addresses: [10.1.0.5], conditions: {ready: false}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: manual, namespace: ${ns}}
spec:
  defaultBackend: {service: {name: manual, port: {number: 90}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: bucket, namespace: ${ns}}
spec:
  defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}
  rules: [{host: static.example.com}]
`;
}
