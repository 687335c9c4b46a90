// Prints, as JSON, how each Go type a Pod is made of maps its protobuf fields to JSON: the field's number and name
// in the .proto, its JSON name (or that it is inlined), and whether encoding/json leaves it out when empty. The .proto
// files cannot say this, and a Pod read as protobuf must become exactly the object its JSON would have been.
// Run by scripts/gen-pod-wire.mjs; see there.
package main

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

type field struct {
	Number    int    `json:"number"`
	Proto     string `json:"proto"`
	JSON      string `json:"json,omitempty"`
	Inline    bool   `json:"inline,omitempty"`
	OmitEmpty bool   `json:"omitEmpty,omitempty"`
	// pointer, slice, map, struct or scalar: what encoding/json writes for an absent value depends on it.
	Kind string `json:"kind"`
}

type message struct {
	Fields []field `json:"fields"`
}

// Types with their own JSON form, converted by name on the TypeScript side.
var special = map[string]bool{
	"k8s.io.apimachinery.pkg.apis.meta.v1.Time":      true,
	"k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime": true,
	"k8s.io.apimachinery.pkg.apis.meta.v1.Duration":  true,
	"k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1":  true,
	"k8s.io.apimachinery.pkg.api.resource.Quantity":  true,
	"k8s.io.apimachinery.pkg.util.intstr.IntOrString": true,
	"k8s.io.apimachinery.pkg.runtime.RawExtension":   true,
}

func protoName(t reflect.Type) string {
	return strings.ReplaceAll(t.PkgPath(), "/", ".") + "." + t.Name()
}

func kindOf(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Ptr:
		return "pointer"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "bytes"
		}
		return "slice"
	case reflect.Map:
		return "map"
	case reflect.Struct:
		return "struct"
	default:
		return "scalar"
	}
}

func main() {
	out := map[string]message{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Ptr || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return
		}
		name := protoName(t)
		if _, done := out[name]; done || special[name] {
			return
		}
		m := message{}
		out[name] = m
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("protobuf")
			if tag == "" {
				continue // TypeMeta and other fields the .proto does not carry
			}
			parts := strings.Split(tag, ",")
			number, err := strconv.Atoi(parts[1])
			if err != nil {
				panic(err)
			}
			pf := field{Number: number, Kind: kindOf(f.Type)}
			for _, p := range parts {
				if strings.HasPrefix(p, "name=") {
					pf.Proto = strings.TrimPrefix(p, "name=")
				}
			}
			jsonTag := strings.Split(f.Tag.Get("json"), ",")
			pf.JSON = jsonTag[0]
			for _, o := range jsonTag[1:] {
				if o == "omitempty" {
					pf.OmitEmpty = true
				}
				if o == "inline" {
					pf.Inline = true
				}
			}
			if pf.Inline {
				pf.JSON = ""
			}
			m.Fields = append(m.Fields, pf)
			walk(f.Type)
		}
		out[name] = m
	}
	walk(reflect.TypeOf(corev1.PodList{}))
	walk(reflect.TypeOf(metav1.Status{}))
	names := make([]string, 0, len(out))
	for n := range out {
		names = append(names, n)
	}
	sort.Strings(names)
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
