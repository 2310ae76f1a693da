{{/* Kubernetes name of a component: the values key turned into the module name. */}}
{{- define "ix.name" -}}
{{- $c := index .root.Values.components .key -}}
{{- default (.key | kebabcase) $c.name -}}
{{- end -}}

{{- define "ix.labels" -}}
app.kubernetes.io/name: {{ include "ix.name" . }}
app.kubernetes.io/part-of: imaging-exchange
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{- end -}}

{{- define "ix.selector" -}}
app.kubernetes.io/name: {{ include "ix.name" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* In-cluster base URL of a component, e.g. http://study-registry:9080/registry */}}
{{- define "ix.url" -}}
{{- $c := index .root.Values.components .key -}}
http://{{ include "ix.name" . }}:9080{{ $c.contextRoot }}
{{- end -}}

{{- define "ix.issuer" -}}{{ required "oidc.issuer is required" .Values.oidc.issuer }}{{- end -}}

{{/* Upper-case environment-variable form of a source id: hospital-a -> HOSPITAL_A */}}
{{- define "ix.envId" -}}{{ . | upper | replace "-" "_" | replace "." "_" }}{{- end -}}
