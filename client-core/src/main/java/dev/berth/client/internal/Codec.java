package dev.berth.client.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.impl.PropertyBasedCreator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.IgnorePropertiesUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The one JSON configuration every client uses. */
public final class Codec {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      // engines add fields and enum values in every release; Podman adds its own
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .addModule(new SimpleModule("berth-records").setDeserializerModifier(new RecordBinding()))
      .build();

  private Codec() {}

  /** The shared, configured mapper (thread-safe). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  // ---------------------------------------------------------------- record binding

  /**
   * Binds berth's own records ({@code dev.berth.types..}) with a leaner loop than Jackson's
   * general property-based creator path, which buffers every value in a
   * {@code PropertyValueBuffer}, resolves each absent component one by one and copies unknown
   * fields into a token buffer only to drop them. Everything per property stays Jackson's: the
   * lookup by JSON name ({@link PropertyBasedCreator#findCreatorProperty}), the contextualised
   * value deserializer and null handling ({@link SettableBeanProperty#deserialize}), the error
   * wrapping with the JSON path, ignorable and unknown fields, the creator-parameter any-setter
   * ({@code extra}) and the constructor call through the value instantiator. A record this loop
   * does not cover (an injected, required or primitive component, a non-null absent value, object
   * ids, views, delegating creators, ...) and any input that is not a JSON object keep Jackson's
   * own path.
   */
  static final class RecordBinding extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription desc,
        JsonDeserializer<?> deserializer) {
      Class<?> type = desc.getBeanClass();
      if (deserializer.getClass() == BeanDeserializer.class && type.isRecord()
          && type.getName().startsWith("dev.berth.types.") && !hasUnwrapped(type)) {
        return new RecordDeserializer((BeanDeserializer) deserializer);
      }
      return deserializer;
    }
  }

  /**
   * Whether a record component is {@code @JsonUnwrapped}: Jackson reads those through its own
   * buffering of the outer object's other fields, which the lean loop does not do.
   */
  static boolean hasUnwrapped(Class<?> record) {
    for (java.lang.reflect.RecordComponent c : record.getRecordComponents()) {
      if (c.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonUnwrapped.class)) {
        return true;
      }
    }
    return false;
  }

  static final class RecordDeserializer extends BeanDeserializer {
    private static final long serialVersionUID = 1L;
    /** Features under which Jackson's own loop decides per component: never set by berth. */
    private static final int STRICT_FEATURES = DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES.getMask()
        | DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES.getMask();

    /** 0: not decided yet, 1: the lean loop applies, -1: Jackson's path. Decided after resolve(). */
    private transient volatile int mode;
    private transient int components;
    private transient int anyIndex = -1;

    RecordDeserializer(BeanDeserializerBase src) {
      super(src);
    }

    /**
     * Read as the unwrapped part of another record: Jackson's own unwrapping deserializer (Jackson
     * hands a subclass itself back here, which would read nothing).
     */
    @Override
    public JsonDeserializer<Object> unwrappingDeserializer(com.fasterxml.jackson.databind.util.NameTransformer t) {
      return new Unwrapping(this, t);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      int m = mode;
      if (m == 0) {
        m = decide(ctxt);
      }
      if (m < 0 || (ctxt.getDeserializationFeatures() & STRICT_FEATURES) != 0) {
        return super.deserialize(p, ctxt);
      }
      JsonToken t = p.currentToken();
      if (t == JsonToken.START_OBJECT) {
        t = p.nextToken();
      } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
        return super.deserialize(p, ctxt); // coercions, single-element arrays, errors: Jackson's
      }
      PropertyBasedCreator creator = _propertyBasedCreator;
      Object[] args = new Object[components];
      List<Object> extra = null; // name, value, name, value, ...
      for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        SettableBeanProperty prop = creator.findCreatorProperty(name);
        if (prop != null) {
          try {
            args[prop.getCreatorIndex()] = prop.deserialize(p, ctxt);
          } catch (Exception e) {
            wrapAndThrow(e, _beanType.getRawClass(), name, ctxt);
          }
        } else if (IgnorePropertiesUtil.shouldIgnore(name, _ignorableProps, _includableProps)) {
          handleIgnoredProperty(p, ctxt, handledType(), name);
        } else if (anyIndex >= 0) {
          if (extra == null) {
            extra = new ArrayList<>();
          }
          extra.add(name);
          try {
            extra.add(_anySetter.deserialize(p, ctxt));
          } catch (Exception e) {
            wrapAndThrow(e, _beanType.getRawClass(), name, ctxt);
          }
        } else {
          handleUnknownProperty(p, ctxt, handledType(), name); // skips: berth's records ignore unknowns
        }
      }
      if (anyIndex >= 0) {
        Object container = _anySetter.createParameterObject();
        if (extra != null) {
          for (int i = 0; i < extra.size(); i += 2) {
            _anySetter.set(container, extra.get(i), extra.get(i + 1));
          }
        }
        args[anyIndex] = container;
      }
      Object bean;
      try {
        bean = _valueInstantiator.createFromObjectWith(ctxt, args);
      } catch (Exception e) {
        wrapInstantiationProblem(e, ctxt);
        return null; // not reached: it throws
      }
      p.assignCurrentValue(bean);
      return bean;
    }

    /** Whether the lean loop covers this record; only once resolved (first use). */
    private synchronized int decide(DeserializationContext ctxt) throws IOException {
      if (mode != 0) {
        return mode;
      }
      int m = -1;
      PropertyBasedCreator creator = _propertyBasedCreator;
      if (creator != null && _objectIdReader == null && _injectables == null && !_needViewProcesing
          && _unwrappedPropertyHandler == null && _externalTypeIdHandler == null && _delegateDeserializer == null
          && _arrayDelegateDeserializer == null && (_anySetter == null || _anySetter.getParameterIndex() >= 0)) {
        m = 1;
        int n = 0;
        for (SettableBeanProperty prop : creator.properties()) {
          n = Math.max(n, prop.getCreatorIndex() + 1);
          if (prop.getInjectionDefinition() != null || prop.isRequired() || prop.getType().isPrimitive()
              || prop.getNullValueProvider().getAbsentValue(ctxt) != null
              || prop.getValueDeserializer() == null || prop.getValueDeserializer().getAbsentValue(ctxt) != null) {
            m = -1; // Jackson's _findMissing would do more than leave null
          }
        }
        for (SettableBeanProperty prop : _beanProperties) {
          if (creator.findCreatorProperty(prop.getName()) != prop) {
            m = -1; // a property set after construction: not a plain record
          }
        }
        if (_anySetter != null) {
          anyIndex = _anySetter.getParameterIndex();
          n = Math.max(n, anyIndex + 1);
        }
        components = n;
      }
      mode = m;
      return m;
    }
  }

  /** Jackson's own unwrapping bean deserializer (its constructor is protected). */
  static final class Unwrapping extends BeanDeserializer {
    private static final long serialVersionUID = 1L;

    Unwrapping(BeanDeserializerBase src, com.fasterxml.jackson.databind.util.NameTransformer t) {
      super(src, t);
    }
  }
}
