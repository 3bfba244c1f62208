{{/*
Helpers shared by every template. Most take a "component context" built by esop.components:
  dict "root" $ "name" "<service>" "svc" (index $.Values "<service>")
*/}}

{{/* The services this chart knows, in install order. Each has a values block of the same name. */}}
{{- define "esop.serviceNames" -}}
customer opportunity order sla workbench simulator
{{- end }}

{{/* Enabled services as a JSON list of component contexts' names (use with fromJsonArray). */}}
{{- define "esop.enabledServices" -}}
{{- $enabled := list }}
{{- range $name := splitList " " (include "esop.serviceNames" .) }}
{{- if (index $.Values $name).enabled }}
{{- $enabled = append $enabled $name }}
{{- end }}
{{- end }}
{{- toJson $enabled }}
{{- end }}

{{- define "esop.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-wide prefix: the release name, or release-chart when the release name does not contain the chart name. */}}
{{- define "esop.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of one service's objects (Deployment, Service, PDB, ...): <fullname>-<service>. */}}
{{- define "esop.componentName" -}}
{{- printf "%s-%s" (include "esop.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The workload of a service: a StatefulSet for a Kafka Streams service (a stable pod name is its static group member
id and the address its peers forward queries to; its state volume outlives a restart), a Deployment otherwise.
*/}}
{{- define "esop.workloadKind" -}}
{{- ternary "StatefulSet" "Deployment" (.svc.kafka.streams | default false) }}
{{- end }}

{{/* The headless Service that gives a StatefulSet's pods their DNS names: <pod>.<component>-pods. */}}
{{- define "esop.podsServiceName" -}}
{{- printf "%s-pods" (include "esop.componentName" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "esop.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels: name and instance only. Selectors of Deployments are immutable, so nothing that
changes between releases (version, chart) may appear here.
*/}}
{{- define "esop.selectorLabels" -}}
app.kubernetes.io/name: {{ printf "%s-%s" (include "esop.name" .root) .name | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* Full labels of a service's objects and pods. */}}
{{- define "esop.labels" -}}
{{ include "esop.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/part-of: esop
app.kubernetes.io/version: {{ include "esop.imageTag" . | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "esop.chart" .root }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The image tag: the service's tag, else image.tag, else the chart's appVersion; "-native" appended for native images. */}}
{{- define "esop.imageTag" -}}
{{- $tag := .svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion | toString }}
{{- if or (eq $tag "latest") (hasPrefix "latest-" $tag) }}
{{- fail (printf "%s.image.tag: %q is mutable; use an immutable version tag (or a digest)" .name $tag) }}
{{- end }}
{{- if eq .svc.image.variant "native" }}
{{- $tag = printf "%s%s" $tag .root.Values.image.nativeTagSuffix }}
{{- end }}
{{- $tag }}
{{- end }}

{{- define "esop.image" -}}
{{- $repository := .svc.image.repository }}
{{- with .root.Values.image.registry }}
{{- $repository = printf "%s/%s" . $repository }}
{{- end }}
{{- if .svc.image.digest }}
{{- printf "%s:%s@%s" $repository (include "esop.imageTag" .) .svc.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository (include "esop.imageTag" .) }}
{{- end }}
{{- end }}

{{- define "esop.serviceAccountName" -}}
{{- include "esop.componentName" . }}
{{- end }}

{{/*
Checks that hold across values and cannot be expressed in values.schema.json.
*/}}
{{- define "esop.validate" -}}
{{- $svc := .svc }}
{{- $grace := int $svc.terminationGracePeriodSeconds }}
{{- $needed := add (int $svc.shutdownTimeoutSeconds) (int .root.Values.preStopSleepSeconds) }}
{{- if le $grace $needed }}
{{- fail (printf "%s.terminationGracePeriodSeconds (%d) must exceed shutdownTimeoutSeconds + preStopSleepSeconds (%d), or the kubelet kills the pod before consumers have closed" .name $grace $needed) }}
{{- end }}
{{- $as := $svc.autoscaling }}
{{- if gt (int $as.minReplicas) (int $as.maxReplicas) }}
{{- fail (printf "%s.autoscaling.minReplicas (%d) is above maxReplicas (%d)" .name (int $as.minReplicas) (int $as.maxReplicas)) }}
{{- end }}
{{- if eq $as.kind "keda" }}
{{- if not $as.keda.topics }}
{{- fail (printf "%s.autoscaling.kind is keda but %s.autoscaling.keda.topics is empty" .name .name) }}
{{- end }}
{{- if not $as.keda.consumerGroup }}
{{- fail (printf "%s.autoscaling.kind is keda but %s.autoscaling.keda.consumerGroup is empty" .name .name) }}
{{- end }}
{{- range $as.keda.topics }}
{{- if gt (int $as.maxReplicas) (int .partitions) }}
{{- fail (printf "%s.autoscaling.maxReplicas (%d) is above the %d partitions of %s: extra consumers would sit idle" $.name (int $as.maxReplicas) (int .partitions) .name) }}
{{- end }}
{{- end }}
{{- end }}
{{- if and $svc.oidc.enabled (not $.root.Values.oidc.authServerUrl) }}
{{- fail (printf "%s.oidc.enabled needs oidc.authServerUrl" .name) }}
{{- end }}
{{- end }}

{{/* Scaling behaviour shared by the HPA and KEDA's HPA: react fast to load, release capacity slowly. */}}
{{- define "esop.scalingBehavior" -}}
scaleUp:
  stabilizationWindowSeconds: {{ .scaleUpStabilizationWindowSeconds }}
  selectPolicy: Max
  policies:
    - type: Percent
      value: 100
      periodSeconds: 30
    - type: Pods
      value: 2
      periodSeconds: 30
scaleDown:
  stabilizationWindowSeconds: {{ .scaleDownStabilizationWindowSeconds }}
  selectPolicy: Min
  policies:
    - type: Pods
      value: 1
      periodSeconds: 60
{{- end }}
