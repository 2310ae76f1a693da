{{/* Kubernetes name of a component: the values key turned into the module name. */}}
{{- define "ix.name" -}}
{{- $c := index .root.Values.components .key -}}
{{- default (.key | kebabcase) $c.name -}}
{{- end -}}

{{- define "ix.labels" -}}
app.kubernetes.io/name: {{ include "ix.name" . }}
app.kubernetes.io/component: {{ include "ix.name" . }}
app.kubernetes.io/part-of: imaging-exchange
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "ix.selector" -}}
app.kubernetes.io/name: {{ include "ix.name" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Selector labels of another component, by values key. */}}
{{- define "ix.selectorOf" -}}
{{- include "ix.selector" (dict "root" .root "key" .other) -}}
{{- end -}}

{{/* In-cluster base URL of a component, e.g. http://study-registry:9080/registry */}}
{{- define "ix.url" -}}
{{- $c := index .root.Values.components .key -}}
http://{{ include "ix.name" . }}:9080{{ trimSuffix "/" $c.contextRoot }}
{{- end -}}

{{/* Path of a component's Prometheus endpoint: <context-root>/metrics (the gateway's /metrics). */}}
{{- define "ix.metricsPath" -}}
{{- $c := index .root.Values.components .key -}}
{{- printf "%s/metrics" (trimSuffix "/" $c.contextRoot) -}}
{{- end -}}

{{- define "ix.image" -}}
{{- $img := .root.Values.image -}}
{{- $repo := ternary $img.repository (printf "%s/%s" $img.registry $img.repository) (empty $img.registry) -}}
{{- printf "%s/%s:%s" $repo (include "ix.name" .) (default .root.Chart.AppVersion $img.tag) -}}
{{- end -}}

{{- define "ix.issuer" -}}{{ required "oidc.issuer is required" .Values.oidc.issuer }}{{- end -}}

{{/* Upper-case environment-variable form of an id: hospital-a -> HOSPITAL_A */}}
{{- define "ix.envId" -}}{{ . | upper | replace "-" "_" | replace "." "_" }}{{- end -}}

{{/*
What each component is: whether it writes audit records (durable outbox), which components it
calls (NetworkPolicy egress and the callee's ingress) and which external peers it reaches.
*/}}
{{- define "ix.topology" -}}
gateway:
  audited: false
  calls: [studyRegistry, reportStore, retrievalProxy, consent, audit]
  peers: [keycloak]
studyRegistry:
  audited: true
  calls: [consent, audit]
  peers: [keycloak, postgresql, archives]
reportStore:
  audited: true
  calls: [consent, audit]
  peers: [keycloak, postgresql]
retrievalProxy:
  audited: true
  calls: [studyRegistry, consent, audit]
  peers: [keycloak, archives]
consent:
  audited: true
  calls: [audit]
  peers: [keycloak, postgresql]
audit:
  audited: true
  calls: [audit]
  peers: [keycloak, postgresql]
{{- end -}}

{{/* True ("true") when the component runs as a StatefulSet: audited and a durable outbox. */}}
{{- define "ix.stateful" -}}
{{- $t := index (include "ix.topology" . | fromYaml) .key -}}
{{- if and $t.audited .root.Values.auditOutbox.persistence.enabled }}true{{ end -}}
{{- end -}}
